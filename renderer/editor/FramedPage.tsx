// A page the core wrote (Preview, a published version), shown in a sandboxed frame: no scripts and
// no same-origin access (sandbox=""), so nothing in a story can reach the app or its session. Its
// photos are fetched by the app and written into the page first (framedPage.ts says why).
import { useEffect, useState } from 'react';
import { inlineImages, type FramedPage as Framed, type ImageScope } from './framedPage.js';

/** Large enough for any rendition the app makes; a bigger file is left out rather than held in the page. */
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

/** An image of the app's own origin as a data: URL (only images; anything else is left out). */
async function fetchImage(url: string): Promise<string | null> {
  const res = await fetch(url, { credentials: 'same-origin', redirect: 'error' });
  if (!res.ok) return null;
  const blob = await res.blob();
  if (!blob.type.startsWith('image/') || blob.size > MAX_IMAGE_BYTES) return null;
  return readAsDataUrl(blob);
}

/** The scope of a preview's photos: the display renditions under /media/ of the app's origin. */
export function previewScope(): ImageScope {
  return { base: new URL('/', window.location.href).href, under: '/media/' };
}

/** A published version's package folder on the app's origin, e.g. /published/kor-jpn-security-talks/v2/ */
export function packageFolderPath(packagePath: string): string {
  return `/published/${packagePath.split('/').map(encodeURIComponent).join('/')}/`;
}

/** The scope of a published version's photos: its package folder, which its relative images/… name. */
export function packageScope(packagePath: string): ImageScope {
  const under = packageFolderPath(packagePath);
  return { base: new URL(under, window.location.href).href, under };
}

export function FramedPage({ html, scope, title }: { html: string; scope: ImageScope; title: string }) {
  const [framed, setFramed] = useState<Framed | null>(null);
  const { base, under } = scope;
  useEffect(() => {
    let cancelled = false;
    setFramed(null);
    void inlineImages(html, { base, under }, fetchImage).then((page) => !cancelled && setFramed(page));
    return () => {
      cancelled = true;
    };
  }, [html, base, under]);
  if (framed === null) return <p className="muted">Loading photos…</p>;
  return (
    <>
      {framed.missing > 0 ? (
        <p className="muted small" role="status">
          {framed.missing === 1 ? 'One photo could not be shown.' : `${framed.missing} photos could not be shown.`}
        </p>
      ) : null}
      <iframe className="preview-frame" title={title} sandbox="" srcDoc={framed.html} />
    </>
  );
}
