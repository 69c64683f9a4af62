/* global document, window, NodeFilter, DataTransfer, ClipboardEvent, getComputedStyle */
// Helpers injected into every test page (page.addInitScript). Plain browser JavaScript so the
// TypeScript specs, which compile without the DOM library, call them as strings.
(() => {
  /** Selects the first occurrence of `text` inside the element matching `selector`. */
  function selectText(selector, text) {
    const root = document.querySelector(selector);
    if (!root) throw new Error('no element ' + selector);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return true;
      }
    }
    return false;
  }

  /** Fires a paste of `html` (and its plain text) at the focused element, as a browser would. */
  function pasteHtml(html, plain) {
    const target = document.activeElement || document.body;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain || '');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  }

  /** What has the keyboard focus: tag, role, accessible-ish name, and whether a focus ring shows. */
  function focused() {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ||
      (labelled
        ? labelled
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent || '')
            .join(' ')
        : '') ||
      (el.labels && el.labels[0] ? el.labels[0].textContent : '') ||
      el.getAttribute('title') ||
      (el.textContent || '').trim().slice(0, 60);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow && style.boxShadow !== 'none');
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name: (name || '').trim(), ring: !!ring };
  }

  window.__e2e = { selectText, pasteHtml, focused };
})();
