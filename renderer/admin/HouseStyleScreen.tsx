// "House style": the desk's list of preferred forms (what the paper prints, what it replaces and
// where the rule applies) and the two limits the copy checks use. Desk editors and admins edit
// it; the core enforces who may. Every rule is a fieldset of labelled fields, problems are named
// beside their field, and the first one gets the focus, so it all works from the keyboard.
// Two desk editors may have it open at once: when the other saves (settings.changed), an
// untouched draft takes their version at once; a draft with edits keeps them, says so, and Save
// asks before replacing their version with this one.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CheckSettings } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { pickCheckSettings, useCheckSettings } from '../copyDesk/checkSettings.js';
import { Dialog } from '../ui/Dialog.js';
import {
  draftOf,
  errorsFromDetails,
  HOUSE_STYLE_KEYS,
  isUntouched,
  LIMITS,
  newRule,
  sameSettings,
  validate,
  WHERE_LABELS,
  type Draft,
  type Errors,
  type RuleDraft,
  type Where,
} from './houseStyleDraft.js';

export const HOUSE_STYLE_TITLE = 'House style';

/** Props every field with a possible problem gets: its error linked and announced. */
function problem(errors: Errors, key: string, errorId: string, hintId?: string) {
  const error = errors[key];
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
    'data-error-key': key,
  };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="error-text small field-error">
      {message}
    </p>
  ) : null;
}

/** One of the checks' two limits: a whole number in its range, with its hint and error. */
function LimitField(props: {
  id: string;
  label: string;
  hint: string;
  limit: 'headlineMaxChars' | 'sentenceMaxWords';
  value: string;
  errors: Errors;
  onChange(value: string): void;
}) {
  const { id, label, hint, limit, value, errors, onChange } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={LIMITS[limit].min}
        max={LIMITS[limit].max}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...problem(errors, limit, `${id}-error`, `${id}-hint`)}
      />
      <p id={`${id}-hint`} className="muted small field-hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={errors[limit]} />
    </div>
  );
}

function RuleFields({ rule, index, errors, onChange, onRemove }: { rule: RuleDraft; index: number; errors: Errors; onChange(next: RuleDraft): void; onRemove(): void }) {
  const id = useId();
  const key = (f: string) => `${index}.${f}`;
  const title = rule.preferred.trim() || 'new rule';
  return (
    <li>
      <fieldset className="admin-card house-rule">
        <legend>
          Rule {index + 1}: {title}
        </legend>
        <div className="house-rule-grid">
          <div className="field">
            <label htmlFor={`${id}-preferred`}>Preferred form</label>
            <input
              id={`${id}-preferred`}
              value={rule.preferred}
              maxLength={LIMITS.formChars}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onChange({ ...rule, preferred: e.target.value })}
              {...problem(errors, key('preferred'), `${id}-preferred-error`)}
            />
            <FieldError id={`${id}-preferred-error`} message={errors[key('preferred')]} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-avoid`}>Forms to avoid</label>
            <textarea
              id={`${id}-avoid`}
              rows={2}
              value={rule.avoid}
              spellCheck={false}
              onChange={(e) => onChange({ ...rule, avoid: e.target.value })}
              {...problem(errors, key('avoid'), `${id}-avoid-error`, `${id}-avoid-hint`)}
            />
            <p id={`${id}-avoid-hint`} className="muted small field-hint">
              Comma-separated or one per line; matched exactly as written.
            </p>
            <FieldError id={`${id}-avoid-error`} message={errors[key('avoid')]} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-where`}>Applies in</label>
            <select
              id={`${id}-where`}
              value={rule.where}
              onChange={(e) => onChange({ ...rule, where: e.target.value as Where })}
              {...problem(errors, key('where'), `${id}-where-error`)}
            >
              {(Object.keys(WHERE_LABELS) as Where[]).map((w) => (
                <option key={w} value={w}>
                  {WHERE_LABELS[w]}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-where-error`} message={errors[key('where')]} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Note</label>
            <input
              id={`${id}-note`}
              value={rule.note}
              maxLength={LIMITS.noteChars}
              onChange={(e) => onChange({ ...rule, note: e.target.value })}
              {...problem(errors, key('note'), `${id}-note-error`, `${id}-note-hint`)}
            />
            <p id={`${id}-note-hint`} className="muted small field-hint">
              Shown with the finding.
            </p>
            <FieldError id={`${id}-note-error`} message={errors[key('note')]} />
          </div>
        </div>
        <button type="button" className="small-button danger-text" onClick={onRemove}>
          Remove rule
          <span className="sr-only">
            {' '}
            {index + 1}: {title}
          </span>
        </button>
      </fieldset>
    </li>
  );
}

export function HouseStyleScreen() {
  const id = useId();
  const [draft, setDraftState] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // Saved in another window while this draft has edits: their settings (the notice shows while
  // `noticeShown`), and Save asks before replacing them.
  const [theirs, setTheirs] = useState<CheckSettings | null>(null);
  const [noticeShown, setNoticeShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After "Add rule", focus the new rule's first field; after "Remove rule", the list's heading.
  const focusNext = useRef<'last-rule' | 'rules-heading' | 'first-error' | 'status' | 'last-field' | null>(null);
  // The settings the draft was loaded from or last saved as: "untouched" means still saying this.
  const base = useRef<CheckSettings | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const saving = useRef(false);
  const recheck = useRef(false);
  const lookups = useRef(0);
  // The field last worked in, to go back to after "Keep editing".
  const lastField = useRef<HTMLElement | null>(null);

  const setDraft = (d: Draft) => {
    draftRef.current = d;
    setDraftState(d);
  };
  const loadFrom = useCallback((settings: CheckSettings) => {
    base.current = settings;
    const d = draftOf(settings);
    draftRef.current = d;
    setDraftState(d);
    setErrors({});
    setTheirs(null);
    setNoticeShown(false);
  }, []);

  useEffect(() => {
    let cancelled = false;
    api.settings
      .get({})
      .then((r) => !cancelled && loadFrom(pickCheckSettings(r.settings)))
      .catch((e: unknown) => !cancelled && setLoadError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, [loadFrom]);

  // Another window saved the house style or the limits: fetch them, and compare with what the draft started from.
  const compareWithSaved = useCallback(async () => {
    if (saving.current) {
      // Perhaps this window's own save: look once it has answered.
      recheck.current = true;
      return;
    }
    const lookup = ++lookups.current;
    let saved: CheckSettings;
    try {
      saved = pickCheckSettings((await api.settings.get({})).settings);
    } catch {
      return; // offline: the next event, or Save, finds out
    }
    const known = base.current;
    const d = draftRef.current;
    if (lookup !== lookups.current || saving.current || !known || !d) return;
    if (sameSettings(saved, known)) {
      // Back to what the draft started from (or this window's own save): nothing to say.
      setTheirs(null);
      setNoticeShown(false);
      return;
    }
    if (isUntouched(d, known)) {
      loadFrom(saved);
      setStatus('Updated from another window.');
    } else {
      setTheirs(saved);
      setNoticeShown(true);
    }
  }, [loadFrom]);
  useEffect(
    () =>
      api.onEvent((event) => {
        if ((event.type === 'settings.changed' && event.keys.some((k) => HOUSE_STYLE_KEYS.includes(k))) || event.type === 'resync') void compareWithSaved();
      }),
    [compareWithSaved],
  );

  useEffect(() => {
    const form = formRef.current;
    const what = focusNext.current;
    focusNext.current = null;
    if (!form || !what) return;
    if (what === 'last-rule') form.querySelector<HTMLInputElement>('.house-rules > li:last-child input')?.focus();
    else if (what === 'rules-heading') document.getElementById(`${id}-rules`)?.focus();
    else if (what === 'status') document.getElementById(`${id}-status`)?.focus();
    else if (what === 'last-field') (lastField.current?.isConnected ? lastField.current : form.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
    else form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const edit = (next: Draft) => {
    setDraft(next);
    setStatus('');
  };
  const setRule = (index: number, rule: RuleDraft) => draft && edit({ ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) });

  const save = async (replaceTheirs: boolean) => {
    if (!draft || saving.current) return;
    setStatus('');
    const checked = validate(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      focusNext.current = 'first-error';
      return;
    }
    setErrors({});
    // Someone else saved since this draft was loaded: ask first, never overwrite them unawares.
    if (theirs && !replaceTheirs) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    saving.current = true;
    lookups.current += 1;
    try {
      const { settings } = await api.settings.update(checked.settings);
      useCheckSettings.getState().set(settings);
      loadFrom(pickCheckSettings(settings));
      setStatus('House style saved. Open stories are checked against it from now on.');
    } catch (err) {
      const ui = toUiError(err);
      setErrors(ui.code === 'VALIDATION' ? errorsFromDetails(ui.details, ui.message) : { form: ui.message });
      focusNext.current = 'first-error';
    } finally {
      saving.current = false;
      setBusy(false);
      if (recheck.current) {
        recheck.current = false;
        void compareWithSaved();
      }
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const count = Object.keys(errors).length;
  return (
    <div className="admin house-style">
      <h1 className="admin-title">{HOUSE_STYLE_TITLE}</h1>
      <p className="muted">The forms the paper prints. The copy checks mark every form to avoid where the rule applies, with the preferred form as a one-click fix.</p>
      {loadError ? (
        <p className="error-text" role="alert">
          Could not load the house style: {loadError}
        </p>
      ) : null}
      {!draft && !loadError ? <p className="muted">Loading the house style…</p> : null}
      {draft ? (
        <form
          ref={formRef}
          onSubmit={submit}
          noValidate
          onFocus={(e) => {
            if (!(e.target as HTMLElement).closest('.house-style-theirs')) lastField.current = e.target as HTMLElement;
          }}
        >
          {theirs && noticeShown ? (
            <div className="banner banner-warning house-style-theirs" role="alert">
              <p>
                <strong>Someone else saved the house style.</strong> Your edits here are not saved yet.
              </p>
              <div className="row-actions">
                <button
                  type="button"
                  onClick={() => {
                    loadFrom(theirs);
                    setStatus('Loaded the version saved in another window.');
                    focusNext.current = 'status';
                  }}
                >
                  Load their version
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setNoticeShown(false);
                    focusNext.current = 'last-field';
                  }}
                >
                  Keep editing
                </button>
              </div>
            </div>
          ) : null}
          <section className="admin-section" aria-labelledby={`${id}-limits`}>
            <h2 id={`${id}-limits`}>Limits</h2>
            <div className="admin-card field-row">
              <LimitField
                id={`${id}-headline`}
                label="Longest headline (characters)"
                hint="Longer headlines get a warning."
                limit="headlineMaxChars"
                value={draft.headlineMaxChars}
                errors={errors}
                onChange={(v) => edit({ ...draft, headlineMaxChars: v })}
              />
              <LimitField
                id={`${id}-sentence`}
                label="Longest sentence (words)"
                hint="Longer sentences get a note."
                limit="sentenceMaxWords"
                value={draft.sentenceMaxWords}
                errors={errors}
                onChange={(v) => edit({ ...draft, sentenceMaxWords: v })}
              />
            </div>
          </section>

          <section className="admin-section" aria-labelledby={`${id}-rules`}>
            <h2 id={`${id}-rules`} tabIndex={-1}>
              Preferred forms ({draft.rules.length})
            </h2>
            {draft.rules.length === 0 ? <p className="muted">No rules yet.</p> : null}
            <ol className="house-rules">
              {draft.rules.map((rule, i) => (
                <RuleFields
                  key={rule.uid}
                  rule={rule}
                  index={i}
                  errors={errors}
                  onChange={(next) => setRule(i, next)}
                  onRemove={() => {
                    focusNext.current = 'rules-heading';
                    setErrors({});
                    edit({ ...draft, rules: draft.rules.filter((_, j) => j !== i) });
                  }}
                />
              ))}
            </ol>
            <button
              type="button"
              disabled={draft.rules.length >= LIMITS.rules}
              onClick={() => {
                focusNext.current = 'last-rule';
                edit({ ...draft, rules: [...draft.rules, newRule()] });
              }}
            >
              Add rule
            </button>
          </section>

          {count ? (
            <p className="error-text" role="alert">
              {errors.form ?? errors.rules ?? `Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`}
            </p>
          ) : null}
          <p id={`${id}-status`} className="admin-notice" role="status" tabIndex={-1}>
            {status}
          </p>
          <div className="row-actions house-style-actions">
            {/* Focusable while saving (aria-disabled), so the focus stays on it. */}
            <button type="submit" className="primary" aria-disabled={busy ? true : undefined}>
              Save house style
            </button>
          </div>
        </form>
      ) : null}
      {confirming ? (
        <Dialog title="Replace their changes?" onClose={() => setConfirming(false)}>
          <p>Someone else saved the house style after you started editing. Saving now replaces their version with yours.</p>
          <div className="dialog-actions">
            <button type="button" data-autofocus onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                void save(true);
              }}
            >
              Replace their changes
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

export default HouseStyleScreen;
