// The newsroom's settings an admin keeps: where published packages are also copied, how long an
// idle text lock lasts, and the largest photo the desk may import. The core checks the export
// folder (exists, is a folder, is writable) and its message is shown as it words it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';

const MB = 1024 * 1024;
/** The contract's bounds (settings.update): 1 minute to a day; 1 KB to 1 GB. */
const LOCK_MINUTES = { min: 1, max: 24 * 60 };
const PHOTO_MB = { min: 1, max: 1024 };

type Field = 'exportDir' | 'lockTimeoutMinutes' | 'maxPhotoBytes';

/** Which field a refusal is about (the core names the export folder; zod names the key). */
function fieldOf(message: string, details: unknown): Field | null {
  const paths = Array.isArray(details) ? details.map((d) => String((d as { path?: unknown }).path ?? '')) : [];
  for (const f of ['exportDir', 'lockTimeoutMinutes', 'maxPhotoBytes'] as const) if (paths.includes(f)) return f;
  if (/export folder/i.test(message)) return 'exportDir';
  return null;
}

const mbOf = (bytes: number) => String(Math.round((bytes / MB) * 100) / 100);

export function SettingsForm() {
  const id = useId();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [exportDir, setExportDir] = useState('');
  const [lockMinutes, setLockMinutes] = useState('');
  const [photoMb, setPhotoMb] = useState('');
  const [error, setError] = useState<{ message: string; field: Field | null } | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const show = (s: Settings) => {
    setLoaded(s);
    setExportDir(s.exportDir);
    setLockMinutes(String(s.lockTimeoutMinutes));
    setPhotoMb(mbOf(s.maxPhotoBytes));
  };

  useEffect(() => {
    let cancelled = false;
    api.settings
      .get({})
      .then((r) => !cancelled && show(r.settings))
      .catch((e: unknown) => !cancelled && setError({ message: toUiError(e).message, field: null }));
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    setError(null);
    const minutes = Number(lockMinutes);
    if (!Number.isInteger(minutes) || minutes < LOCK_MINUTES.min || minutes > LOCK_MINUTES.max) {
      return setError({ message: `The lock timeout must be a whole number of minutes from ${LOCK_MINUTES.min} to ${LOCK_MINUTES.max}.`, field: 'lockTimeoutMinutes' });
    }
    const mb = Number(photoMb);
    if (!photoMb.trim() || !Number.isFinite(mb) || mb < PHOTO_MB.min || mb > PHOTO_MB.max) {
      return setError({ message: `The largest photo import must be from ${PHOTO_MB.min} to ${PHOTO_MB.max} MB.`, field: 'maxPhotoBytes' });
    }
    setBusy(true);
    try {
      const { settings } = await api.settings.update({
        exportDir: exportDir.trim(),
        lockTimeoutMinutes: minutes,
        // An unchanged figure keeps the exact stored bytes (a value set elsewhere need not be whole MB).
        maxPhotoBytes: loaded && mbOf(loaded.maxPhotoBytes) === photoMb.trim() ? loaded.maxPhotoBytes : Math.round(mb * MB),
      });
      show(settings);
      setSaved('Settings saved.');
    } catch (err) {
      const ui = toUiError(err);
      setError({ message: ui.message, field: fieldOf(ui.message, ui.details) });
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const invalid = (f: Field) => (error?.field === f ? { 'aria-invalid': true as const, 'aria-errormessage': errorId } : {});
  const describedBy = (f: Field, hint: string) => (error?.field === f ? `${hint} ${errorId}` : hint);

  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings</h2>
      {loaded === null && !error ? <p className="muted">Loading settings…</p> : null}
      <form className="admin-card settings-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-export`}>Export folder</label>
          <input
            id={`${id}-export`}
            value={exportDir}
            spellCheck={false}
            autoComplete="off"
            placeholder="/srv/newsdesk/export"
            aria-describedby={describedBy('exportDir', `${id}-export-hint`)}
            {...invalid('exportDir')}
            onChange={(e) => setExportDir(e.target.value)}
            disabled={loaded === null}
          />
          <p id={`${id}-export-hint`} className="muted small field-hint">
            The full path of a folder on this computer. Each published version is also copied there. Leave empty for no copy.
          </p>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-lock`}>Lock timeout (minutes)</label>
            <input
              id={`${id}-lock`}
              type="number"
              inputMode="numeric"
              min={LOCK_MINUTES.min}
              max={LOCK_MINUTES.max}
              step={1}
              value={lockMinutes}
              aria-describedby={describedBy('lockTimeoutMinutes', `${id}-lock-hint`)}
              {...invalid('lockTimeoutMinutes')}
              onChange={(e) => setLockMinutes(e.target.value)}
              disabled={loaded === null}
            />
            <p id={`${id}-lock-hint`} className="muted small field-hint">
              An idle text lock lapses after this long.
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-photo`}>Largest photo import (MB)</label>
            <input
              id={`${id}-photo`}
              type="number"
              inputMode="decimal"
              min={PHOTO_MB.min}
              max={PHOTO_MB.max}
              step="any"
              value={photoMb}
              aria-describedby={describedBy('maxPhotoBytes', `${id}-photo-hint`)}
              {...invalid('maxPhotoBytes')}
              onChange={(e) => setPhotoMb(e.target.value)}
              disabled={loaded === null}
            />
            <p id={`${id}-photo-hint`} className="muted small field-hint">
              Larger files are refused on import.
            </p>
          </div>
        </div>
        {error ? (
          <p id={errorId} className="error-text" role="alert">
            {error.message}
          </p>
        ) : null}
        <p className="admin-notice" role="status">
          {saved}
        </p>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy || loaded === null}>
            Save settings
          </button>
        </div>
      </form>
    </section>
  );
}
