/* global document, window, MutationObserver */
// Probes injected into every page of the network tests (context.addInitScript). Plain browser
// JavaScript, so the TypeScript specs, which compile without the DOM library, call them as strings:
// page.evaluate(`window.__net.whenShown(${JSON.stringify(text)})`).
(() => {
  const ROWS = 'button, a, [role="row"], [role="option"], li';

  /** Resolves with Date.now() when an entry (button, link, row, option, list item) containing `text` appears. */
  function whenShown(text) {
    const shown = () => [...document.querySelectorAll(ROWS)].some((el) => (el.textContent || '').includes(text));
    return new Promise((resolve) => {
      if (shown()) {
        resolve(Date.now());
        return;
      }
      const observer = new MutationObserver(() => {
        if (shown()) {
          observer.disconnect();
          resolve(Date.now());
        }
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    });
  }

  let clickedAt = null;
  /** Notes the time of the next click anywhere in the page (before the app handles it). */
  function markNextClick() {
    clickedAt = null;
    document.addEventListener('click', () => (clickedAt = Date.now()), { capture: true, once: true });
  }

  let streamEndedAt = null;
  /** Opens the event stream with the page's cookie; resolves with its status, then watches for its end. */
  async function openEventStream() {
    streamEndedAt = null;
    const res = await fetch('/api/events', { headers: { Accept: 'text/event-stream' }, credentials: 'same-origin' });
    const reader = res.body ? res.body.getReader() : null;
    void (async () => {
      try {
        while (reader && !(await reader.read()).done) {
          // events and heartbeats
        }
      } catch {
        // a reset ends it too
      }
      streamEndedAt = Date.now();
    })();
    return res.status;
  }

  /** Posts a form to `action` (a top-level navigation), the way a hostile page would. */
  function postForm(action, enctype, fields) {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = action;
    form.enctype = enctype;
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }

  window.__net = { whenShown, markNextClick, clickedAt: () => clickedAt, openEventStream, streamEndedAt: () => streamEndedAt, postForm };
})();
