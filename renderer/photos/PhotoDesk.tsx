// The photo library: search and filters, the thumbnail grid (keyboard-navigable), the detail
// panel, import (button, drag and drop, paste) with progress and per-file outcomes, and
// metadata templates applied to a selection.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, shell } from '../api/client.js';
import type { PhotoAsset, Settings } from '../../shared/domain.js';
import { useApp } from '../app/store.js';
import { CodesDialog } from './CodesDialog.js';
import { PhotoDetail } from './PhotoDetail.js';
import { PhotoGrid } from './PhotoGrid.js';
import { TemplateBar } from './TemplateBar.js';
import { useImport } from './useImport.js';
import './photos.css';

type FilterKey = 'noCaption' | 'noCredit' | 'importedToday' | 'unused';
const FILTERS: { key: FilterKey; label: string }[] = [
  { key: 'noCaption', label: 'No caption' },
  { key: 'noCredit', label: 'No credit' },
  { key: 'importedToday', label: 'Imported today' },
  { key: 'unused', label: 'Not used' },
];
const PAGE = 120;

function importSummary(lines: { ok: boolean; duplicate?: boolean }[]): string {
  const imported = lines.filter((l) => l.ok && !l.duplicate).length;
  const duplicates = lines.filter((l) => l.ok && l.duplicate).length;
  const failed = lines.filter((l) => !l.ok).length;
  return [`${imported} imported`, duplicates ? `${duplicates} already in the library` : '', failed ? `${failed} not imported` : ''].filter(Boolean).join(' · ');
}

export function PhotoDesk() {
  const me = useApp((s) => s.me);
  const canEdit = !!me?.roles.includes('photo_editor');
  const isAdmin = !!me?.roles.includes('admin');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Record<FilterKey, boolean>>({ noCaption: false, noCredit: false, importedToday: false, unused: false });
  const [items, setItems] = useState<PhotoAsset[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | undefined>();
  const [error, setError] = useState('');
  const [activeId, setActiveId] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [settings, setSettings] = useState<Settings | null>(null);
  const [codesOpen, setCodesOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (append = false, after?: string) => {
      const mine = ++seq.current;
      try {
        const res = await api.photos.list({ ...(query.trim() ? { query } : {}), ...filters, limit: PAGE, ...(after ? { cursor: after } : {}) });
        if (mine !== seq.current) return; // a newer search answered first
        setItems((prev) => (append ? [...prev, ...res.items] : res.items));
        setTotal(res.total);
        setCursor(res.nextCursor);
        setError('');
      } catch (e) {
        if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
      }
    },
    [query, filters],
  );

  useEffect(() => {
    const t = setTimeout(() => void load(), 150);
    return () => clearTimeout(t);
  }, [load]);

  useEffect(() => {
    void api.settings
      .get({})
      .then((r) => setSettings(r.settings))
      .catch(() => undefined);
  }, []);

  // Another photo editor's import or edit shows up without a reload (debounced: an import is many
  // events); so does everything missed while the connection was down (resync).
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.onEvent((e) => {
      if (e.type !== 'photo.imported' && e.type !== 'photo.changed' && e.type !== 'resync') return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void loadRef.current(), 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const onImported = useCallback(
    (assets: PhotoAsset[]) => {
      void load();
      if (assets[0]) setActiveId(assets[0].id);
    },
    [load],
  );
  const importer = useImport(onImported);

  // Paste images anywhere on the desk (not into a text field).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const files = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/') || /\.(jpe?g|png|webp|tiff?)$/i.test(f.name));
      if (files.length && canEdit) {
        e.preventDefault();
        void importer.run(files);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [importer, canEdit]);

  const replace = (updated: PhotoAsset[]) => {
    const byId = new Map(updated.map((a) => [a.id, a]));
    setItems((prev) => prev.map((a) => byId.get(a.id) ?? a));
  };

  const active = items.find((a) => a.id === activeId) ?? null;
  const selectedIds = [...selected].filter((id) => items.some((a) => a.id === id));
  const progress = importer.state.total ? Math.round((importer.state.done / importer.state.total) * 100) : 0;

  // The desktop app opens the system's file dialog (main reads the files and hands over bytes and
  // names, never paths); a browser uses the hidden file input.
  const pickAndImport = async () => {
    if (!shell) {
      fileInput.current?.click();
      return;
    }
    // If the system dialog cannot open, the browser's file picker still can.
    const picked = await shell.pickPhotos().catch(() => null);
    if (picked === null) fileInput.current?.click();
    else if (picked.length > 0) void importer.run(picked.map((p) => new File([p.data], p.name)));
  };

  return (
    <section
      className={dragging ? 'photo-desk dragging' : 'photo-desk'}
      aria-label="Photo library"
      onDragOver={(e) => {
        if (!canEdit || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        if (!canEdit) return;
        e.preventDefault();
        setDragging(false);
        void importer.run(Array.from(e.dataTransfer.files));
      }}
    >
      <header className="photo-toolbar">
        <h1>Photo library</h1>
        <div className="photo-search">
          <label htmlFor="photo-search" className="sr-only">
            Search photos
          </label>
          <input
            id="photo-search"
            type="search"
            placeholder="Search caption, credit, creator, keywords, file name"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="photo-filters" role="group" aria-label="Filters">
          {FILTERS.map((f) => (
            <button key={f.key} type="button" className="small-button" aria-pressed={filters[f.key]} onClick={() => setFilters((s) => ({ ...s, [f.key]: !s[f.key] }))}>
              {f.label}
            </button>
          ))}
        </div>
        <div className="photo-actions">
          {canEdit && (
            <>
              <button type="button" className="primary" onClick={() => void pickAndImport()} disabled={importer.state.running}>
                Import photos
              </button>
              <input
                ref={fileInput}
                type="file"
                multiple
                accept="image/jpeg,image/png,image/webp,image/tiff,.jpg,.jpeg,.png,.webp,.tif,.tiff,.xmp"
                className="sr-only"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => {
                  const files = Array.from(e.target.files ?? []);
                  e.target.value = '';
                  void importer.run(files);
                }}
              />
            </>
          )}
          {settings && (
            <button type="button" onClick={() => setCodesOpen(true)}>
              Codes & templates
            </button>
          )}
        </div>
      </header>

      {(importer.state.running || importer.state.lines.length > 0) && (
        <section className="import-panel" aria-label="Import">
          <label htmlFor="import-progress">
            {importer.state.running ? `Importing… ${importer.state.done} of ${importer.state.total} files done` : importSummary(importer.state.lines)}
          </label>
          <progress id="import-progress" max={100} value={progress}>
            {progress}%
          </progress>
          <ul className="import-lines" aria-live="polite">
            {importer.state.lines.map((l, i) => (
              <li key={i} className={l.ok ? 'ok' : 'failed'}>
                <strong>{l.name}</strong>: {l.ok ? (l.duplicate ? 'already in the library' : 'imported') : l.error}
              </li>
            ))}
          </ul>
          {!importer.state.running && (
            <button type="button" className="small-button" onClick={importer.dismiss}>
              Dismiss
            </button>
          )}
        </section>
      )}

      <div className="photo-body">
        <div className="photo-grid-pane">
          <p className="small muted" role="status">
            {total} {total === 1 ? 'photo' : 'photos'}
            {selectedIds.length > 1 ? ` · ${selectedIds.length} selected` : ''}
            {canEdit ? ' · drop or paste photos here to import' : ''}
          </p>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {items.length === 0 && !error ? (
            <p className="muted">No photos match.</p>
          ) : (
            <PhotoGrid items={items} activeId={activeId} selected={selected} onActivate={setActiveId} onSelect={setSelected} />
          )}
          {cursor && (
            <button type="button" onClick={() => void load(true, cursor)}>
              Show more
            </button>
          )}
        </div>
        <aside className="photo-side" aria-label="Selected photo">
          {/* With several photos selected the template comes first: that is what a selection is for. */}
          {settings && selectedIds.length > 1 && <TemplateBar templates={settings.metadataTemplates} selectedIds={selectedIds} canEdit={canEdit} onApplied={replace} />}
          {active ? (
            <PhotoDetail asset={active} codes={settings?.codeReplacements ?? []} canEdit={canEdit} onSaved={(a) => replace([a])} />
          ) : (
            <p className="muted">Choose a photo to see and edit its caption and credit.</p>
          )}
          {settings && selectedIds.length === 1 && <TemplateBar templates={settings.metadataTemplates} selectedIds={selectedIds} canEdit={canEdit} onApplied={replace} />}
        </aside>
      </div>
      {codesOpen && settings && <CodesDialog settings={settings} canEdit={isAdmin || canEdit} onClose={() => setCodesOpen(false)} onSaved={setSettings} />}
    </section>
  );
}
