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
  "frame-ancestors 'self'",
].join('; ');

/**
 * Published packages are HTML the core wrote from reporters' text, served from the app's own
 * origin. No script at all, and `sandbox` gives the page an opaque origin, so even a script that
 * slipped through could never act as the app (its session, its API). The page's own images still
 * load: 'self' matches the URL they are served from.
 */
export const PUBLISHED_CSP = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  'sandbox',
].join('; ');

/** Error pages: plain text that loads nothing. */
export const NOTHING_CSP = "default-src 'none'";
