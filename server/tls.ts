// The TLS certificate and key, read once at start: a file that cannot be read, or a pair that
// does not go together, stops the server with a sentence naming the flag and the file.

import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { TlsFiles } from './app.js';

function readFlag(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    throw new Error(`${flag} ${file}: cannot read it (${why}).`);
  }
}

export function readTlsFiles(certFile: string, keyFile: string): TlsFiles {
  const cert = readFlag('--tls-cert', certFile);
  const key = readFlag('--tls-key', keyFile);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`--tls-cert ${certFile} and --tls-key ${keyFile} cannot be used together: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { cert, key };
}
