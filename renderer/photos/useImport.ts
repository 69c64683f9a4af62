// Import from files (file input, drag and drop, paste): reads each file's bytes in the browser,
// sends them a few at a time so the progress bar moves, and collects one outcome per file.
import { useCallback, useState } from 'react';
import { api } from '../api/client.js';
import type { PhotoAsset } from '../../shared/domain.js';

export interface ImportLine {
  name: string;
  ok: boolean;
  duplicate?: boolean;
  error?: string;
  asset?: PhotoAsset;
}

export interface ImportState {
  running: boolean;
  done: number;
  total: number;
  lines: ImportLine[];
}

/** Up to this many bytes per call: big enough to keep the core busy, small enough to show progress. */
const BATCH_BYTES = 24 * 1024 * 1024;

/** The file's bytes: over IPC as they are, over HTTP as the body of the upload route (no base64). */
async function fileData(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

export function useImport(onImported: (assets: PhotoAsset[]) => void) {
  const [state, setState] = useState<ImportState>({ running: false, done: 0, total: 0, lines: [] });

  const run = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setState({ running: true, done: 0, total: files.length, lines: [] });
      const imported: PhotoAsset[] = [];
      let i = 0;
      while (i < files.length) {
        const batch: File[] = [];
        let bytes = 0;
        while (i < files.length && (batch.length === 0 || bytes + files[i]!.size <= BATCH_BYTES)) {
          bytes += files[i]!.size;
          batch.push(files[i++]!);
        }
        let lines: ImportLine[];
        try {
          const payload = await Promise.all(batch.map(async (f) => ({ name: f.name || 'pasted-image', data: await fileData(f) })));
          const { results } = await api.photos.import({ files: payload });
          lines = results;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          lines = batch.map((f) => ({ name: f.name, ok: false, error: message }));
        }
        for (const l of lines) if (l.ok && l.asset) imported.push(l.asset);
        setState((s) => ({ ...s, done: s.done + batch.length, lines: [...s.lines, ...lines] }));
      }
      setState((s) => ({ ...s, running: false }));
      onImported(imported);
    },
    [onImported],
  );

  const dismiss = useCallback(() => setState({ running: false, done: 0, total: 0, lines: [] }), []);
  return { state, run, dismiss };
}
