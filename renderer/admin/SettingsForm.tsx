// The newsroom's settings an admin keeps: the time zone every time is shown in, the public address
// ninjs links start with, how long an idle text lock lasts, the largest photo the desk may import,
// and where published packages are also copied. The export folder is shown by name only; no API call
// sets it. In the desktop app the admin picks it in the native folder dialog (the shell hands the
// path to the core); in a browser it is the server's --export-dir. The core checks the zone and the
// address (a refusal names the field); the form only turns blanks into "not set".
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { ExportFolder, Settings } from '../../shared/domain.js';
import { machineTimeZone, offsetLabel, offsetMinutes } from '../../shared/timeZone.js';
import { api, shell } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { setTimeZone } from '../app/format.js';

const MB = 1024 * 1024;
/** The contract's bounds (settings.update): 1 minute to a day; 1 KB to 1 GB. */
const LOCK_MINUTES = { min: 1, max: 24 * 60 };
const PHOTO_MB = { min: 1, max: 1024 };
/** The host ninjs links use while no public address is set (core/publishing/ninjs.ts). */
const PLACEHOLDER_BASE = 'https://newsdesk.invalid';

const FIELDS = ['timeZone', 'publicBaseUrl', 'lockTimeoutMinutes', 'maxPhotoBytes'] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  timeZone: 'Time zone',
  publicBaseUrl: 'Public address',
  lockTimeoutMinutes: 'Lock timeout',
  maxPhotoBytes: 'Largest photo import',
};

/** Which field a refusal is about (zod names the key), and the refusal in the field's own words. */
function refusalOf(message: string, details: unknown): { message: string; field: Field | null } {
  const issues = Array.isArray(details) ? (details as { path?: unknown; message?: unknown }[]) : [];
  for (const issue of issues) {
    const field = FIELDS.find((f) => f === issue.path);
    if (field) return { field, message: `${LABELS[field]}: ${String(issue.message ?? message)}` };
  }
  return { message, field: null };
}

/** The zones this browser knows, UTC and the stored one among them (a runtime may list neither). */
function zoneChoices(stored: string | null): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', ...(stored ? [stored] : [])])].sort();
}

/** "14:05 (UTC+9)": the time now in `zone`, to show what the choice means. */
function nowIn(zone: string): string {
  try {
    const now = new Date();
    return `${new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(now)} (${offsetLabel(offsetMinutes(now, zone))})`;
  } catch {
    return '';
  }
}

const mbOf = (bytes: number) => String(Math.round((bytes / MB) * 100) / 100);

export function SettingsForm() {
  const id = useId();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [exportFolder, setExportFolder] = useState<ExportFolder | null>(null);
  const [lockMinutes, setLockMinutes] = useState('');
  const [photoMb, setPhotoMb] = useState('');
  /** '' : this computer's own zone. */
  const [zone, setZone] = useState('');
  const [publicBaseUrl, setPublicBaseUrl] = useState('');
  const [error, setError] = useState<{ message: string; field: Field | 'exportFolder' | null } | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const show = (s: Settings) => {
    setLoaded(s);
    setLockMinutes(String(s.lockTimeoutMinutes));
    setPhotoMb(mbOf(s.maxPhotoBytes));
    setZone(s.timeZone ?? '');
    setPublicBaseUrl(s.publicBaseUrl ?? '');
  };
  const zones = useMemo(() => zoneChoices(loaded?.timeZone ?? null), [loaded?.timeZone]);
  const ownZone = useMemo(() => machineTimeZone(), []);

  useEffect(() => {
    let cancelled = false;
    api.settings
      .get({})
      .then((r) => {
        if (cancelled) return;
        show(r.settings);
        setExportFolder(r.exportFolder);
      })
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
        timeZone: zone === '' ? null : zone,
        publicBaseUrl: publicBaseUrl.trim() === '' ? null : publicBaseUrl.trim(),
        lockTimeoutMinutes: minutes,
        // An unchanged figure keeps the exact stored bytes (a value set elsewhere need not be whole MB).
        maxPhotoBytes: loaded && mbOf(loaded.maxPhotoBytes) === photoMb.trim() ? loaded.maxPhotoBytes : Math.round(mb * MB),
      });
      show(settings);
      // This window shows times in the new zone at once (other windows hear settings.changed).
      setTimeZone(settings.timeZone);
      setSaved('Settings saved.');
    } catch (err) {
      const ui = toUiError(err);
      setError(refusalOf(ui.message, ui.details));
    } finally {
      setBusy(false);
    }
  };

  /** Desktop only: the shell opens its folder dialog (or clears the folder) and answers the folder now in force. */
  const changeExportFolder = async (action: 'choose' | 'clear') => {
    if (!shell) return;
    setSaved('');
    setError(null);
    setBusy(true);
    try {
      const folder = action === 'choose' ? await shell.chooseExportFolder() : await shell.clearExportFolder();
      setExportFolder(folder);
      // A cancelled dialog leaves the folder as it was, and says nothing.
      if (folder?.name !== exportFolder?.name || action === 'clear') {
        setSaved(folder ? `Published versions are now also copied to the folder ${folder.name}.` : 'Published versions are no longer copied to an export folder.');
      }
    } catch (err) {
      setError({ message: toUiError(err).message, field: 'exportFolder' });
    } finally {
      setBusy(false);
    }
  };

  const errorId = `${id}-error`;
  const invalid = (f: Field) => (error?.field === f ? { 'aria-invalid': true as const, 'aria-errormessage': errorId } : {});
  const describedBy = (f: Field | 'exportFolder', hint: string) => (error?.field === f ? `${hint} ${errorId}` : hint);

  return (
    <section className="admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings</h2>
      {loaded === null && !error ? <p className="muted">Loading settings…</p> : null}
      <form className="admin-card settings-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field" role="group" aria-labelledby={`${id}-export-label`} aria-describedby={describedBy('exportFolder', `${id}-export-hint`)}>
          <span id={`${id}-export-label`} className="label">
            Export folder
          </span>
          <p className="field-hint">{loaded === null ? '…' : exportFolder ? <strong>{exportFolder.name}</strong> : 'None'}</p>
          {shell ? (
            <div className="row-actions">
              <button type="button" onClick={() => void changeExportFolder('choose')} disabled={busy || loaded === null}>
                Choose export folder…
              </button>
              {exportFolder ? (
                <button type="button" onClick={() => void changeExportFolder('clear')} disabled={busy}>
                  Stop exporting
                </button>
              ) : null}
            </div>
          ) : null}
          <p id={`${id}-export-hint`} className="muted small field-hint">
            {shell
              ? 'A folder on this computer. Each published version is also copied there.'
              : 'A folder on the server. Each published version is also copied there. It is set where the server is started (npm run serve -- --export-dir DIR), not in the browser.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone</label>
          <select
            id={`${id}-zone`}
            value={zone}
            aria-describedby={describedBy('timeZone', `${id}-zone-hint`)}
            {...invalid('timeZone')}
            onChange={(e) => setZone(e.target.value)}
            disabled={loaded === null}
          >
            <option value="">This computer’s zone ({ownZone})</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <p id={`${id}-zone-hint`} className="muted small field-hint">
            Every time in Newsdesk and the dates on published pages are shown in this zone; now {nowIn(zone || ownZone)}. ninjs stays in UTC.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-public`}>Public address</label>
          <input
            id={`${id}-public`}
            type="url"
            inputMode="url"
            placeholder="https://news.example.com"
            spellCheck={false}
            autoComplete="off"
            value={publicBaseUrl}
            aria-describedby={describedBy('publicBaseUrl', `${id}-public-hint`)}
            {...invalid('publicBaseUrl')}
            onChange={(e) => setPublicBaseUrl(e.target.value)}
            disabled={loaded === null}
          />
          <div id={`${id}-public-hint`} className="muted small field-hint">
            {loaded !== null && !loaded.publicBaseUrl ? (
              <p className="settings-unset">
                <strong>Not set.</strong> Links in ninjs point at the placeholder {PLACEHOLDER_BASE}, which nobody can open: set the address your published packages are
                served from.
              </p>
            ) : null}
            <p className="field-hint">
              Where the newsroom serves published packages. ninjs links a photo as{' '}
              <code>{`${loaded?.publicBaseUrl ?? PLACEHOLDER_BASE}/published/<story>/v1/images/…`}</code>.
            </p>
          </div>
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
