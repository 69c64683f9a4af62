// The worker thread behind MetadataReader (reader.ts): reads one photo's header and metadata per
// message, so however long a crafted file takes, this thread is the one that waits, never the
// core's. Bundled on its own beside each bundle that holds the core (scripts/build-electron.mjs).

import { parentPort } from 'node:worker_threads';
import { PhotoError, probe } from '../renditions.js';
import { decoderInput } from './containers.js';
import { metadataSources, readPhotoMetadata } from './merge.js';
import type { MetadataReply, MetadataRequest } from './reader.js';

const port = parentPort;
if (!port) throw new Error('metadataWorker runs only as a worker thread.');

async function answer({ id, file, sidecar }: MetadataRequest): Promise<MetadataReply> {
  try {
    const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const info = await probe(decoderInput(bytes));
    const side = sidecar && {
      name: sidecar.name,
      bytes: Buffer.from(sidecar.file.buffer, sidecar.file.byteOffset, sidecar.file.byteLength),
      width: info.width,
      height: info.height,
    };
    const { metadata, warnings } = readPhotoMetadata(metadataSources(bytes), side);
    return { id, info: { format: info.format, width: info.width, height: info.height }, metadata, warnings };
  } catch (error) {
    if (error instanceof PhotoError) return { id, refusal: error.message };
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (request: MetadataRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

port.postMessage({ ready: true } satisfies MetadataReply);
