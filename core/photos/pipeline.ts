// The import pipeline: bytes in, an asset out (or one clear sentence why not). Every heavy step
// is asynchronous on libuv's thread pool — hashing (WebCrypto), decoding and resizing (sharp),
// file writes — or in a worker thread (reading the header and metadata), so the core keeps
// answering while a hundred photos come in, or one crafted to be slow.

import path from 'node:path';
import { cleanFileName, isSidecarName, pairSidecars } from '../../shared/photoFiles.js';
import { findPhotoAssetByHash, getPhotoAsset, insertPhotoAsset, type Renditions } from '../../db/photos.js';
import type { Db } from '../../db/index.js';
import type { Writer } from '../write.js';
import type { Id, PhotoAsset } from '../../shared/domain.js';
import { decoderInput } from './metadata/containers.js';
import { metadataReader, type MetadataReader } from './metadata/reader.js';
import { makeRenditions, PhotoError } from './renditions.js';
import { CONTENT_TYPES, sniffImage } from './sniff.js';
import { decodeBase64, makeAssetDir, removeAssetDir, sha256Hex, writeFileAtomic } from './storage.js';

export interface ImportFile {
  name: string;
  /** base64 (HTTP) or raw bytes (IPC). */
  data: string | Uint8Array;
}

/** An .xmp sidecar found in the batch beside its photo. */
interface Sidecar {
  name: string;
  bytes: Buffer;
}

export interface ImportOutcome {
  name: string;
  ok: boolean;
  asset?: PhotoAsset;
  duplicate?: boolean;
  error?: string;
}

export interface ImportDeps {
  db: Db;
  /** The core's one write path (the library row is a relaxed write: see insertPhotoAsset). */
  write: Writer;
  dataDir: string;
  now(): Date;
  maxBytes: number;
  staffId: Id;
  /** How many files are processed at once (each is itself multi-threaded inside libvips). */
  concurrency?: number;
  /** Where header and metadata are read (default: the process's shared reader, which the core holds open). */
  metadata?: MetadataReader;
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

async function toBytes(data: string | Uint8Array): Promise<Buffer> {
  if (typeof data === 'string') {
    // Slices stay 4-aligned only without whitespace: strip any first (rare; line-wrapped base64).
    const wrapped = data.includes('\n') || data.includes('\r') || data.includes(' ') || data.includes('\t');
    return decodeBase64(wrapped ? data.replace(/\s+/g, '') : data);
  }
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A file that passed the cheap checks: its bytes, kind and content hash. */
interface Examined {
  name: string;
  bytes: Buffer;
  kind: (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];
  hash: string;
  sidecar?: Sidecar;
}

/** Size, type and hash: everything short of decoding. An outcome is a refusal. */
async function examine(deps: ImportDeps, file: ImportFile): Promise<Examined | ImportOutcome> {
  const name = cleanFileName(file.name);
  // A base64 string longer than the limit allows cannot hold an acceptable file: refuse before decoding it.
  if (typeof file.data === 'string' && file.data.length > Math.ceil((deps.maxBytes * 4) / 3) + 8) {
    return { name, ok: false, error: `The file is larger than the ${mb(deps.maxBytes)} limit.` };
  }
  const bytes = await toBytes(file.data);
  if (bytes.length === 0) return { name, ok: false, error: 'The file is empty (0 bytes).' };
  if (bytes.length > deps.maxBytes) {
    return { name, ok: false, error: `The file is ${mb(bytes.length)}, larger than the ${mb(deps.maxBytes)} limit.` };
  }
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) return { name, ok: false, error: sniffed.error };

  const hash = await sha256Hex(bytes);
  return { name, bytes, kind: CONTENT_TYPES[sniffed.kind], hash };
}

/** Decodes, makes the renditions and stores the asset (or finds it already in the library). */
async function store(deps: ImportDeps, { name, bytes, kind, hash, sidecar }: Examined): Promise<ImportOutcome> {
  const existing = await findPhotoAssetByHash(deps.db, hash);
  if (existing) return { name, ok: true, duplicate: true, asset: existing };

  let written = false;
  try {
    const reader = deps.metadata ?? metadataReader();
    const { info, metadata, warnings } = await reader.read(bytes, undefined, sidecar && { name: sidecar.name, file: sidecar.bytes });
    const { display, thumb } = await makeRenditions(decoderInput(bytes));

    written = true;
    const dir = await makeAssetDir(deps.dataDir, hash);
    const originalFile = `original.${kind.ext}`;
    await Promise.all([
      writeFileAtomic(path.join(dir, originalFile), bytes),
      writeFileAtomic(path.join(dir, 'display.jpg'), display.data),
      writeFileAtomic(path.join(dir, 'thumb.jpg'), thumb.data),
    ]);
    const renditions: Renditions = {
      original: { file: originalFile, bytes: bytes.length },
      display: { file: 'display.jpg', width: display.width, height: display.height, bytes: display.data.length },
      thumb: { file: 'thumb.jpg', width: thumb.width, height: thumb.height, bytes: thumb.data.length },
    };
    const row = {
      hash,
      originalName: name,
      contentType: kind.type,
      width: info.width,
      height: info.height,
      bytes: bytes.length,
      ...metadata,
      metadataWarnings: warnings,
      renditions,
      importedAt: deps.now().toISOString(),
      importedBy: deps.staffId,
    };
    const { id, created } = await deps.write(async () => await insertPhotoAsset(deps.db, row), { durability: 'relaxed' });
    const asset = await getPhotoAsset(deps.db, id);
    if (!asset) throw new Error(`asset ${id} vanished after insert`);
    return created ? { name, ok: true, asset } : { name, ok: true, duplicate: true, asset };
  } catch (error) {
    // Nothing is kept for a file that did not make it into the library.
    if (written && !(await findPhotoAssetByHash(deps.db, hash))) await removeAssetDir(deps.dataDir, hash).catch(() => undefined);
    if (error instanceof PhotoError) return { name, ok: false, error: error.message };
    throw error;
  }
}

export async function importOne(deps: ImportDeps, file: ImportFile): Promise<ImportOutcome> {
  const examined = await examine(deps, file);
  return 'hash' in examined ? store(deps, examined) : examined;
}

/** What a later copy of the same bytes in a batch reports: the first copy's asset, or its refusal. */
function asDuplicate(first: ImportOutcome, name: string): ImportOutcome {
  return first.ok && first.asset ? { name, ok: true, duplicate: true, asset: first.asset } : { name, ok: false, ...(first.error ? { error: first.error } : {}) };
}

/**
 * Imports a batch; one outcome per file in the order given. A bad file never stops the rest.
 * Files are examined in parallel but claim their content hash in input order, so of identical
 * files the first is the one stored (and reported new) and the later ones are its duplicates.
 */
export async function importPhotos(deps: ImportDeps, batch: ImportFile[]): Promise<ImportOutcome[]> {
  const { photos: files, sidecars, orphans } = await pairSidecarFiles(batch);
  const photoResults = await importBatch(deps, files, sidecars);
  // One outcome per file given, in its order: a sidecar reports its photo's outcome.
  const byIndex = new Map<number, ImportOutcome>();
  files.forEach((f, i) => byIndex.set(f.index, photoResults[i]!));
  for (const [photoIndex, side] of sidecars) {
    const photo = photoResults[files.findIndex((f) => f.index === photoIndex)]!;
    byIndex.set(side.index, photo.ok ? { ...photo, name: side.name } : { name: side.name, ok: false, error: `Its photo ${photo.name} was not imported.` });
  }
  for (const o of orphans) byIndex.set(o.index, { name: o.name, ok: false, error: o.error });
  return batch.map((_, i) => byIndex.get(i)!);
}

/**
 * Takes the .xmp sidecars out of a batch and pairs each with the photo of the same name; a sidecar
 * with no photo in the batch is refused with a sentence that says what to do.
 */
async function pairSidecarFiles(batch: ImportFile[]): Promise<{
  photos: (ImportFile & { index: number })[];
  sidecars: Map<number, Sidecar & { index: number }>;
  orphans: { index: number; name: string; error: string }[];
}> {
  const pairs = pairSidecars(batch.map((file) => file.name));
  const photos: (ImportFile & { index: number })[] = [];
  const loose: { index: number; file: ImportFile }[] = [];
  batch.forEach((file, index) => (isSidecarName(file.name) ? loose.push({ index, file }) : photos.push({ ...file, index })));
  const sidecars = new Map<number, Sidecar & { index: number }>();
  const orphans: { index: number; name: string; error: string }[] = [];
  for (const { index, file } of loose) {
    const name = cleanFileName(file.name);
    const photoIndex = pairs.get(index);
    const bytes = typeof file.data === 'string' || file.data.length <= SIDECAR_MAX_BYTES ? await toBytes(file.data) : null;
    if (photoIndex === undefined)
      orphans.push({ index, name, error: `This XMP sidecar has no photo named ${name.replace(/\.xmp$/i, '')}.* in the same import; import it together with its photo.` });
    else if (!bytes || bytes.length > SIDECAR_MAX_BYTES)
      orphans.push({ index, name, error: `The XMP sidecar is larger than ${SIDECAR_MAX_BYTES / 1024 / 1024} MB; it was not read.` });
    else sidecars.set(photoIndex, { index, name, bytes });
  }
  return { photos, sidecars, orphans };
}

/** A sidecar holds one XMP packet: a few KB, rarely a few hundred. */
const SIDECAR_MAX_BYTES = 4 * 1024 * 1024;

async function importBatch(deps: ImportDeps, files: (ImportFile & { index: number })[], sidecars: Map<number, Sidecar>): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = new Array(files.length);
  const width = Math.max(1, Math.min(deps.concurrency ?? 2, files.length));
  // claimed[i] settles once files 0..i have all claimed their hash (or been refused).
  const claimed: Promise<void>[] = [];
  const release: (() => void)[] = [];
  for (let i = 0; i < files.length; i++) claimed.push(new Promise<void>((resolve) => release.push(resolve)));
  const firstOfHash = new Map<string, Promise<ImportOutcome>>();

  const importAt = async (i: number): Promise<ImportOutcome> => {
    const earlier = i > 0 ? claimed[i - 1]! : Promise.resolve();
    try {
      const examined = await examine(deps, files[i]!);
      await earlier;
      if (!('hash' in examined)) return examined;
      const sidecar = sidecars.get(files[i]!.index);
      if (sidecar) examined.sidecar = sidecar;
      const first = firstOfHash.get(examined.hash);
      if (first) {
        release[i]!();
        return asDuplicate(await first, examined.name);
      }
      const own = store(deps, examined);
      firstOfHash.set(examined.hash, own);
      // Later copies await `own`; a failure here must not surface as an unhandled rejection too.
      own.catch(() => undefined);
      release[i]!();
      return await own;
    } finally {
      // Never before the files ahead of this one, whatever happened to it.
      void earlier.then(release[i]);
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      try {
        results[i] = await importAt(i);
      } catch (error) {
        console.error('[photos] import failed unexpectedly:', error);
        results[i] = { name: cleanFileName(files[i]!.name), ok: false, error: 'The file could not be imported because of an internal error; it was not stored.' };
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
