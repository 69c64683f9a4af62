// Every published version of the story (versions stay listed, with who and when): its number
// ("Published version 2", its own sequence, apart from the story's saves "v12"), time, publisher,
// whether it is the article or a kill notice, its correction note and whether the copy to the
// export folder worked. A failed copy can be retried (desk editors and admins); "View" shows the
// version's HTML exactly as published, in a sandboxed frame; "Open page" opens the package's own
// index.html (a new browser tab, or from the desktop app the person's web browser), and in the
// desktop app "Show folder" shows the package folder in the file manager.
import { useCallback, useEffect, useId, useState } from 'react';
import type { PublishedVersionSummary } from '../../shared/domain.js';
import { publishedVersionLabel } from '../../shared/historyLabels.js';
import { api, shell } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { fullTime } from '../app/format.js';
import { useApp } from '../app/store.js';
import { Dialog } from '../ui/Dialog.js';
import { FramedPage, packageFolderPath, packageScope } from './FramedPage.js';

/** The package's page as the app's origin serves it (the browser; the desktop opens it from the disk). */
const pageHref = (v: PublishedVersionSummary) => `${packageFolderPath(v.path)}index.html`;

function ExportLine({ v }: { v: PublishedVersionSummary }) {
  if (v.exportStatus === 'ok') return <p className="pv-export pv-export-ok">Copied to the export folder</p>;
  if (v.exportStatus === 'failed') return <p className="pv-export pv-export-failed">Export failed: {v.exportError ?? 'no reason given.'}</p>;
  return <p className="pv-export muted">Not exported (no export folder was set)</p>;
}

function VersionDialog({ storyId, version, onClose }: { storyId: number; version: number; onClose(): void }) {
  const [page, setPage] = useState<{ html: string; path: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.published
      .get({ storyId, version })
      .then((r) => !cancelled && setPage({ html: r.html, path: r.version.path }))
      .catch((e: unknown) => !cancelled && setError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, [storyId, version]);
  return (
    <Dialog wide title={publishedVersionLabel(version)} onClose={onClose}>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : page === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <FramedPage title={`${publishedVersionLabel(version)} as published`} html={page.html} scope={packageScope(page.path)} />
      )}
    </Dialog>
  );
}

export function PublishedVersions({ storyId, version }: { storyId: number; version: number }) {
  const id = useId();
  const canRetry = useApp((s) => !!s.me && (s.me.roles.includes('desk_editor') || s.me.roles.includes('admin')));
  const [versions, setVersions] = useState<PublishedVersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ version: number; ok: boolean; message: string } | null>(null);
  const [tick, setTick] = useState(0);

  // Publishing, correcting and killing change the story: refetch when the core says so (or when events were missed).
  useEffect(
    () =>
      api.onEvent((event) => {
        if ((event.type === 'story.changed' && event.storyId === storyId) || event.type === 'resync') setTick((t) => t + 1);
      }),
    [storyId],
  );

  useEffect(() => {
    let cancelled = false;
    api.published
      .list({ storyId })
      .then((r) => {
        if (cancelled) return;
        setVersions([...r.versions].sort((a, b) => b.version - a.version));
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, [storyId, version, tick]);

  /** Desktop only: main finds the version's folder through the core and opens its page or shows it. */
  const openPackage = useCallback(
    async (v: number, what: 'page' | 'folder') => {
      if (!shell) return;
      setOutcome(null);
      try {
        await (what === 'page' ? shell.openPackagePage(storyId, v) : shell.showPackageFolder(storyId, v));
      } catch (e) {
        setOutcome({ version: v, ok: false, message: toUiError(e).message });
      }
    },
    [storyId],
  );

  const retry = useCallback(
    async (v: number) => {
      setRetrying(v);
      setOutcome(null);
      try {
        const { version: next } = await api.published.retryExport({ storyId, version: v });
        setVersions((list) => (list ?? []).map((x) => (x.version === next.version ? next : x)));
        setOutcome(
          next.exportStatus === 'ok'
            ? { version: v, ok: true, message: `${publishedVersionLabel(v)} was copied to the export folder.` }
            : { version: v, ok: false, message: `${publishedVersionLabel(v)} could not be exported: ${next.exportError ?? 'no reason given.'}` },
        );
      } catch (e) {
        setOutcome({ version: v, ok: false, message: toUiError(e).message });
      } finally {
        setRetrying(null);
      }
    },
    [storyId],
  );

  if (error) {
    return (
      <p className="error-text" role="alert">
        Published versions could not be loaded: {error}
      </p>
    );
  }
  if (!versions || versions.length === 0) return null;

  return (
    <section className="published-versions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-heading">
        Published versions
      </h2>
      <ol className="pv-list" reversed>
        {versions.map((v) => {
          const killed = v.pubStatus === 'canceled';
          const headingId = `${id}-v${v.version}`;
          return (
            <li key={v.version} className={killed ? 'pv pv-killed' : 'pv'} aria-labelledby={headingId}>
              <div className="pv-top">
                <h3 id={headingId} className="pv-title">
                  {publishedVersionLabel(v.version)}
                </h3>
                <span className={killed ? 'badge badge-killed' : 'badge badge-published'}>{killed ? 'Kill notice' : 'Usable'}</span>
              </div>
              <p className="pv-meta">
                <time dateTime={v.publishedAt}>{fullTime(v.publishedAt)}</time> by {v.publishedByName}
              </p>
              {v.correctionNote ? (
                <p className="pv-note">
                  <span className="pv-note-label">{killed ? 'Kill note:' : 'Correction:'}</span> {v.correctionNote}
                </p>
              ) : null}
              <ExportLine v={v} />
              <div className="row-actions">
                <button type="button" className="small-button" aria-describedby={headingId} onClick={() => setViewing(v.version)}>
                  View
                </button>
                {shell ? (
                  <>
                    <button type="button" className="small-button" aria-describedby={headingId} onClick={() => void openPackage(v.version, 'page')}>
                      Open page
                    </button>
                    <button type="button" className="small-button" aria-describedby={headingId} onClick={() => void openPackage(v.version, 'folder')}>
                      Show folder
                    </button>
                  </>
                ) : (
                  <a className="small-button" href={pageHref(v)} target="_blank" rel="noopener noreferrer" aria-describedby={headingId}>
                    Open page
                  </a>
                )}
                {v.exportStatus === 'failed' && canRetry ? (
                  <button type="button" className="small-button" aria-describedby={headingId} disabled={retrying !== null} onClick={() => void retry(v.version)}>
                    {retrying === v.version ? 'Retrying…' : 'Retry export'}
                  </button>
                ) : null}
              </div>
              {outcome?.version === v.version ? (
                <p className={outcome.ok ? 'pv-outcome' : 'pv-outcome error-text'} role={outcome.ok ? 'status' : 'alert'}>
                  {outcome.message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {viewing !== null ? <VersionDialog storyId={storyId} version={viewing} onClose={() => setViewing(null)} /> : null}
    </section>
  );
}
