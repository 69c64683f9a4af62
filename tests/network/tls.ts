// A self-signed certificate for the test newsroom's made-up name, made with Debian's openssl. The
// browsers trust it by the hash of its public key (--ignore-certificate-errors-spki-list), the
// runner's HTTPS client by pinning it as the only CA: nobody ignores certificate errors wholesale.

import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Certificate {
  certFile: string;
  keyFile: string;
  /** PEM text, for clients that pin it. */
  pem: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo: what Chromium's --ignore-certificate-errors-spki-list takes. */
  spkiSha256: string;
}

const OPENSSL = ['/usr/bin/openssl', '/bin/openssl'].find((p) => existsSync(p)) ?? 'openssl';

/** A P-256 certificate for `hostname` (and the IP `address`, when given), valid two days, written into `dir`. */
export function makeCertificate(dir: string, hostname: string, address?: string): Certificate {
  const certFile = path.join(dir, `${hostname}.crt`);
  const keyFile = path.join(dir, `${hostname}.key`);
  execFileSync(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      `/CN=${hostname}`,
      '-addext',
      `subjectAltName=DNS:${hostname}${address ? `,IP:${address}` : ''}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pem = readFileSync(certFile, 'utf8');
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { certFile, keyFile, pem, spkiSha256: createHash('sha256').update(spki).digest('base64') };
}
