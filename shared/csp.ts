// The Content-Security-Policy values both transports send: the HTTP bridge (server/) and the
// desktop's app protocol (electron/main/appProtocol.ts). One value each, so a page is exactly as
// locked down in the browser as in the desktop window.

/** The renderer needs nothing from elsewhere: scripts and connections only to its own origin. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Nothing frames the app (its own preview frames are srcdoc, which this does not govern): no clickjacking.
  "frame-ancestors 'none'",
].join('; ');

/**
 * Published packages are HTML the core wrote from reporters' text, served from the app's own
 * origin. No script can run there at all: no script-src, and `sandbox` without allow-scripts
 * (nor forms, popups or top navigation). The sandbox keeps the page's own origin
 * (allow-same-origin) so that the browser sends the session cookie for the page's own images:
 * /published/ needs a session, and a SameSite=Strict cookie is never sent for an opaque origin's
 * requests, so "Open page" would show no photos. With no script running, the origin gives the page
 * nothing: the session cookie is HttpOnly and forms are blocked.
 */
export const PUBLISHED_CSP = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  'sandbox allow-same-origin',
].join('; ');

/** Error pages: plain text that loads nothing. */
export const NOTHING_CSP = "default-src 'none'";
