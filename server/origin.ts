// Which names and origins are this server's own: the public URL's, and the loopback ones when it
// listens on a loopback address. A request addressed to another Host name (DNS rebinding) or a
// state-changing call from another Origin (a cross-site page) is refused against this.

/** The names a loopback server answers to, as they appear in a Host header (IPv6 in brackets). */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether a listen host (as given to --listen: no brackets) is on this computer only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** The name part of a Host header ("example.com:8443" → "example.com", "[::1]:80" → "[::1]"), lowercased. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** A host as it goes into a URL: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export interface ServerIdentity {
  /** The address people open: the public URL, else this server's own loopback URL. No trailing slash. */
  url(): string;
  hostAllowed(host: string | undefined): boolean;
  originAllowed(origin: string): boolean;
  /** Whether browsers reach this server over HTTPS (directly, or through a proxy at an https public URL). */
  readonly secure: boolean;
}

export interface IdentityOptions {
  listenHost: string;
  /** The port actually listened on (known after listen: port 0 picks one). */
  port: () => number;
  publicUrl: string | null;
  tls: boolean;
}

export function serverIdentity(opts: IdentityOptions): ServerIdentity {
  const publicUrl = opts.publicUrl ? new URL(opts.publicUrl) : null;
  const loopback = isLoopbackHost(opts.listenHost);
  const scheme = opts.tls ? 'https' : 'http';
  const names = new Set<string>();
  if (publicUrl) names.add(publicUrl.hostname.toLowerCase());
  if (loopback) for (const name of [...LOOPBACK_NAMES, urlHost(opts.listenHost.toLowerCase())]) names.add(name);
  const loopbackOrigin = (name: string) => new URL(`${scheme}://${name}:${opts.port()}`).origin;
  return {
    secure: opts.tls || publicUrl?.protocol === 'https:',
    url: () => (publicUrl ? publicUrl.origin : loopbackOrigin(loopback ? urlHost(opts.listenHost) : '127.0.0.1')),
    hostAllowed(host) {
      if (!host) return false;
      return names.has(hostName(host));
    },
    originAllowed(origin) {
      if (publicUrl && origin === publicUrl.origin) return true;
      if (!loopback) return false;
      return [...LOOPBACK_NAMES, urlHost(opts.listenHost)].some((name) => origin === loopbackOrigin(name));
    },
  };
}
