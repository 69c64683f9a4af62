// Reads what a photo says about itself — its header (format, pixel size) and its metadata — in a
// worker thread, off the core's event loop. Parsing file-controlled bytes is where a crafted file
// can make work without end: sharp's own metadata call turns every block it finds into JavaScript
// values on the calling thread (a PNG can carry megabytes of XMP, compressed), and Newsdesk's
// readers run over the blocks. One long-lived worker, started on first use, reads one file at a
// time; a file that takes longer than the time limit gets the worker terminated (a fresh one
// starts for the next file) and is refused. The worker never keeps the process alive when idle.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PhotoMetadata } from '../../../shared/domain.js';
import { PhotoError, type Probe } from '../renditions.js';

/** The header facts the import needs (pixel size as displayed, after EXIF orientation). */
export type ImageInfo = Pick<Probe, 'format' | 'width' | 'height'>;

export interface MetadataRead {
  info: ImageInfo;
  metadata: PhotoMetadata;
  /** What was odd about the file's metadata, in sentences for the photo editor. */
  warnings: string[];
}

/** An .xmp sidecar sent with its photo. */
export interface SidecarFile {
  name: string;
  file: Uint8Array;
}

/** What the worker is sent: a copy of the file, in its own buffer so it can be transferred. */
export interface MetadataRequest {
  id: number;
  file: Uint8Array;
  sidecar?: SidecarFile;
}

export type MetadataReply =
  | { ready: true }
  | ({ id: number } & MetadataRead)
  /** The file was refused (a sentence for the photo editor). */
  | { id: number; refusal: string }
  /** The reader failed: a fault of Newsdesk's, not of the file. */
  | { id: number; error: string };

/** Generous: with the input limits, the most hostile file reads in tens of milliseconds. */
export const METADATA_TIME_LIMIT_MS = 5000;

/** The worker's JavaScript heap: a few times what the largest allowed metadata needs. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

const REREAD = 'It may be damaged or built to stall Newsdesk; open it in a photo editor, save a copy and import that.';

/** Copied a few megabytes at a time with a turn of the event loop between (about a millisecond each). */
const COPY_SLICE = 4 * 1024 * 1024;

async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += COPY_SLICE) {
    out.set(bytes.subarray(at, at + COPY_SLICE), at);
    if (at + COPY_SLICE < bytes.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/**
 * Starts the worker's script beside this module: the bundle's sibling (dist/serve/metadataWorker.mjs,
 * dist/electron/metadataWorker.cjs, as scripts/build-electron.mjs writes them), or, running from
 * the TypeScript sources (tests, `npm run dev`), the source itself compiled by tsx's require hook
 * (a devDependency; Node 20 does not run tsx's `--import` registration in worker threads).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  const ext = path.extname(fileURLToPath(here));
  const script = new URL(`./metadataWorker${ext}`, here);
  const options = { resourceLimits: WORKER_LIMITS, execArgv: [] };
  if (ext !== '.ts') return new Worker(script, options);
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(script))});`, { ...options, eval: true });
}

interface Job {
  request: MetadataRequest;
  timeoutMs: number;
  resolve(read: MetadataRead): void;
  reject(error: Error): void;
}

export class MetadataReader {
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly timeoutMs = METADATA_TIME_LIMIT_MS) {}

  /**
   * The file's header facts and its metadata, merged and cleaned. Rejects with a PhotoError (a
   * sentence for the photo editor) when the file is not a readable image, takes longer than the
   * time limit or makes the reader fail; with a plain Error when the reader itself cannot run.
   */
  async read(file: Uint8Array, timeoutMs = this.timeoutMs, sidecar?: SidecarFile): Promise<MetadataRead> {
    const request: MetadataRequest = { id: this.nextId++, file: await copyInSlices(file) };
    if (sidecar) request.sidecar = { name: sidecar.name, file: sidecar.file.slice() };
    if (this.closed) throw new Error('Newsdesk is closing.');
    return new Promise((resolve, reject) => {
      this.queue.push({ request, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error('Newsdesk is closing.');
    if (this.current) this.settle(this.current.job, closing);
    for (const job of this.queue.splice(0)) job.reject(closing);
    await this.stopWorker();
  }

  /** Sends the next file when the worker is free (starting one if there is none). */
  private pump(): void {
    if (this.current || this.closed) return;
    if (this.queue.length === 0) {
      this.worker?.unref();
      return;
    }
    const worker = this.worker ?? this.spawn();
    worker.ref(); // a file being read keeps the process alive until it is answered
    if (!this.ready) return; // its 'ready' message pumps again
    const job = this.queue.shift()!;
    const timer = setTimeout(() => {
      this.settle(
        job,
        new PhotoError(
          `Reading the photo's header and metadata (caption, credit, keywords) took longer than ${job.timeoutMs / 1000} seconds, so the file was refused. ${REREAD}`,
        ),
      );
      // The worker may be stuck in the file: replace it.
      void this.stopWorker();
      this.pump();
    }, job.timeoutMs);
    this.current = { job, timer };
    const transfer = [job.request.file.buffer as ArrayBuffer];
    if (job.request.sidecar) transfer.push(job.request.sidecar.file.buffer as ArrayBuffer);
    worker.postMessage(job.request, transfer);
  }

  private settle(job: Job, outcome: MetadataRead | Error): void {
    if (this.current?.job === job) {
      clearTimeout(this.current.timer);
      this.current = null;
    }
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }

  private spawn(): Worker {
    const worker = startWorker();
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: MetadataReply) => {
      if (worker !== this.worker) return;
      if ('ready' in reply) {
        this.ready = true;
      } else if (this.current && this.current.job.request.id === reply.id) {
        const { job } = this.current;
        if ('refusal' in reply) this.settle(job, new PhotoError(reply.refusal));
        else if ('error' in reply) this.settle(job, new Error(`Reading the photo's metadata failed: ${reply.error}`));
        else this.settle(job, { info: reply.info, metadata: reply.metadata, warnings: reply.warnings });
      }
      this.pump();
    });
    const lost = (error: Error) => {
      if (worker !== this.worker) return; // replaced on purpose
      const started = this.ready;
      this.worker = null;
      this.ready = false;
      if (this.current) {
        const why = /memory/i.test(error.message) ? 'it needed more memory than Newsdesk allows' : 'the reader stopped';
        this.settle(
          this.current.job,
          new PhotoError(`The photo's header and metadata (caption, credit, keywords) could not be read (${why}), so the file was refused. ${REREAD}`),
        );
      }
      if (!started) {
        // The worker never came up: a fault of the installation, not of any file.
        for (const job of this.queue.splice(0)) job.reject(new Error(`The photo metadata reader could not start: ${error.message}`));
      }
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the metadata worker exited with code ${code}`)));
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    if (worker) await worker.terminate();
  }
}

let shared: MetadataReader | null = null;
let holders = 0;

/** The process's reader, shared by its cores (a worker per core would only add threads). */
export function metadataReader(): MetadataReader {
  shared ??= new MetadataReader();
  return shared;
}

/** A core keeps the shared reader while open; the release closes it once no core holds it. */
export function holdMetadataReader(): () => Promise<void> {
  holders++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0 && shared) {
      const reader = shared;
      shared = null;
      await reader.close();
    }
  };
}
