/* global document, window, getComputedStyle */
// Injected into the layout spec's pages (page.addInitScript): finds what a person would see as
// broken at a given window size. Plain browser JavaScript, like page-helpers.js, so the
// TypeScript spec (compiled without the DOM library) calls it as a string.
(() => {
  const CONTROLS = 'button, a[href], input:not([type="hidden"]), textarea, select, [contenteditable="true"], [role="tab"], [role="option"]';

  /** A short description of an element for a failure message. */
  function describe(el) {
    const name = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.getAttribute('placeholder') || el.textContent || '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${name.trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
  }

  /** The part of `el` on screen: its box cut by every ancestor that clips, and by the viewport's height. */
  function shownRect(el) {
    const r = el.getBoundingClientRect();
    let left = r.left;
    let right = r.right;
    let top = Math.max(r.top, 0);
    let bottom = Math.min(r.bottom, window.innerHeight);
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      const s = getComputedStyle(p);
      const clipsX = s.overflowX !== 'visible';
      const clipsY = s.overflowY !== 'visible';
      if (!clipsX && !clipsY) continue;
      const pr = p.getBoundingClientRect();
      if (clipsX) {
        left = Math.max(left, pr.left + p.clientLeft);
        right = Math.min(right, pr.left + p.clientLeft + p.clientWidth);
      }
      if (clipsY) {
        top = Math.max(top, pr.top + p.clientTop);
        bottom = Math.min(bottom, pr.top + p.clientTop + p.clientHeight);
      }
    }
    return { left, right, top, bottom, box: r };
  }

  /** The nearest ancestor that scrolls, or the document. */
  function scroller(el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) return p;
    }
    return document.documentElement;
  }

  /** A bar that sticks to the edge of `el`'s own scrolling pane (a sticky toolbar, a Save bar) and `hit` is part of. */
  function stickyBarOver(el, hit) {
    const pane = scroller(el);
    for (let p = hit; p && p !== pane; p = p.parentElement) {
      if (getComputedStyle(p).position === 'sticky') return pane.contains(p);
    }
    return false;
  }

  function isShown(el) {
    if (el.closest('.sr-only, [hidden], [inert]')) return false;
    const s = getComputedStyle(el);
    if (s.visibility !== 'visible' || s.display === 'none' || Number(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1;
  }

  /**
   * What is wrong with the controls under `rootSelector` (the whole page by default): one line per
   * control that is covered at its centre by something else, cut off sideways by a parent, or off
   * the screen to the left or right; and the document scrolling sideways.
   */
  function problems(rootSelector) {
    const root = rootSelector ? document.querySelector(rootSelector) : document.body;
    if (!root) return [`nothing matches ${rootSelector}`];
    const found = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) found.push(`the document scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    if (document.body.scrollWidth > document.body.clientWidth + 1) found.push(`the body scrolls sideways: ${document.body.scrollWidth} > ${document.body.clientWidth}`);
    for (const el of root.querySelectorAll(CONTROLS)) {
      if (!isShown(el)) continue;
      const { left, right, top, bottom, box } = shownRect(el);
      if (right - left < 1 || bottom - top < 1) continue; // scrolled out of its pane: not on screen now
      if (box.left < -1 || box.right > window.innerWidth + 1) {
        found.push(`${describe(el)} lies outside the window sideways (${Math.round(box.left)}–${Math.round(box.right)} of ${window.innerWidth})`);
        continue;
      }
      if (left > box.left + 1 || right < box.right - 1) {
        found.push(`${describe(el)} is cut off sideways (${Math.round(box.left)}–${Math.round(box.right)} shows ${Math.round(left)}–${Math.round(right)})`);
        continue;
      }
      const x = (left + right) / 2;
      const y = (top + bottom) / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === el || el.contains(hit)) continue;
      // A control inside a label or a clickable row answers for it (the hit is its own ancestor).
      if (hit.contains(el)) continue;
      // Scrolling under its pane's sticky bar is scrolling out of view, not being covered.
      if (stickyBarOver(el, hit)) continue;
      found.push(`${describe(el)} is covered at its centre by ${describe(hit)}${hit.className ? ` .${String(hit.className).split(' ').join('.')}` : ''}`);
    }
    return found;
  }

  /** Tabs whose label does not fit (cut or ellipsised). */
  function truncatedTabs() {
    return [...document.querySelectorAll('[role="tab"]')]
      .filter((t) => isShown(t) && (t.scrollWidth > t.clientWidth + 0.5 || shownRect(t).right < t.getBoundingClientRect().right - 1))
      .map((t) => `${describe(t)}: ${t.scrollWidth} > ${t.clientWidth}`);
  }

  /** The distinct rows (tops) the visible buttons of `selector` sit on. */
  function rowsOf(selector) {
    const el = document.querySelector(selector);
    if (!el) return [];
    const tops = [...el.querySelectorAll('button')].filter(isShown).map((b) => Math.round(b.getBoundingClientRect().top));
    return [...new Set(tops)];
  }

  window.__layout = { problems, truncatedTabs, rowsOf };
})();
