// Content-addressed media under <dataDir>/media/<sha256>/: the untouched original and the JPEG
// renditions. The HTTP bridge serves this folder at /media/, so a URL names the exact bytes.

import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fsyncFile, makeDirsDurably, nodeDirFs } from '../durable.js';

// The library is the newsroom's, not the machine's: only the account running Newsdesk may read
// it (on Windows the modes do nothing; the user profile's ACL does that job).
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** The flushes a media write makes, in one object so tests can watch their order against the database. */
export const mediaFs = { ...nodeDirFs, fsyncFile };

export function mediaDir(dataDir: string): string {
  return path.join(dataDir, 'media');
}

export function assetDir(dataDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
  return path.join(mediaDir(dataDir), hash);
}

const SLICE = 1024 * 1024;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * SHA-256 hex of the bytes, fed to the hash a megabyte at a time with a turn of the event loop
 * between slices (about 1 ms each), so hashing a 100 MB file never stalls the core.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += SLICE) {
    hash.update(bytes.subarray(at, at + SLICE));
    if (at + SLICE < bytes.length) await yieldToLoop();
  }
  return hash.digest('hex');
}

/** Decodes base64 in slices (multiples of 4 characters) with turns of the event loop between them. */
export async function decodeBase64(text: string): Promise<Buffer> {
  const step = 4 * SLICE; // 4 MB of text → 3 MB of bytes, a few ms
  if (text.length <= step) return Buffer.from(text, 'base64');
  const parts: Buffer[] = [];
  for (let at = 0; at < text.length; at += step) {
    parts.push(Buffer.from(text.slice(at, at + step), 'base64'));
    await yieldToLoop();
  }
  return Buffer.concat(parts);
}

/** Creates an asset's folder (and media/ when new), owner-only, its entry flushed to the disk. */
export async function makeAssetDir(dataDir: string, hash: string): Promise<string> {
  const dir = assetDir(dataDir, hash);
  await makeDirsDurably(mediaFs, dir, DIR_MODE);
  return dir;
}

/**
 * Writes a file so that a reader sees either nothing or all of it, and so that once this
 * resolves the file survives a power cut (its bytes and its name are flushed): only then may a
 * database row point at it.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await fs.writeFile(tmp, data, { mode: FILE_MODE, flag: 'wx' });
    await mediaFs.fsyncFile(tmp);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
  await mediaFs.fsyncDir(path.dirname(file));
}

export async function removeAssetDir(dataDir: string, hash: string): Promise<void> {
  await fs.rm(assetDir(dataDir, hash), { recursive: true, force: true });
}

export const mediaUrl = (hash: string, file: string) => `/media/${hash}/${file}`;
