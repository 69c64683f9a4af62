// "Preview": the HTML publishing would write (with the photos the app serves now, and a line saying
// it is not published yet), shown in a sandboxed frame (no scripts, no same-origin access) so
// nothing in a story can reach the app.
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { Dialog } from '../ui/Dialog.js';
import { FramedPage, previewScope } from './FramedPage.js';

export function PreviewDialog({ storyId, onClose }: { storyId: number; onClose(): void }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.published
      .preview({ storyId })
      .then((r) => setHtml(r.html))
      .catch((e: unknown) => setError(toUiError(e).message));
  }, [storyId]);
  return (
    <Dialog wide title="Preview" onClose={onClose}>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : html === null ? (
        <p className="muted">Rendering…</p>
      ) : (
        <FramedPage title="Published page preview" html={html} scope={previewScope()} />
      )}
    </Dialog>
  );
}
