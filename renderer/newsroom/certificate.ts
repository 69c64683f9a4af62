// What an UNTRUSTED_CERTIFICATE refusal says about the server's certificate, read without
// trusting its shape: the fingerprint it shows now, whom it names, until when, and (changed) the
// fingerprint pinned before.
export interface CertificateDetails {
  fingerprint: string;
  subject: string | null;
  validTo: string | null;
  /** The server shows another certificate than the one this computer trusted. */
  changed: boolean;
  /** The fingerprint trusted before (changed only). */
  pinned: string | null;
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

export function certificateOf(details: unknown): CertificateDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as Record<string, unknown>;
  const fingerprint = typeof d.fingerprint === 'string' ? d.fingerprint.toUpperCase() : '';
  if (!FINGERPRINT.test(fingerprint)) return null;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  const pinned = str(d.pinned)?.toUpperCase() ?? null;
  return { fingerprint, subject: str(d.subject), validTo: str(d.validTo), changed: d.changed === true, pinned: pinned && FINGERPRINT.test(pinned) ? pinned : null };
}

/**
 * The address as the person typed it, made a URL: "newsroom.example.org" means https; anything
 * that is no http(s) address is null (the chooser says so before asking anything).
 */
export function serverUrl(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname) return null;
    return url.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}
