// "People list": the desk's authority on names — each person's house spelling, the other
// spellings the desk meets (and who uses them) and a note. The name check pairs these spellings
// and offers the house spelling as its fix. Desk editors and admins keep it here; the core
// enforces who may and refuses a spelling already listed for someone else. Search finds a name,
// an alias or a note in any script ("ri yong", "리영호"). Every control is labelled and reached
// from the keyboard; after a save or a removal the focus lands on what changed.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PEOPLE_LIMITS, type PeopleEntry } from '../../shared/checks/people.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { useCheckSettings } from '../copyDesk/checkSettings.js';
import { Dialog } from '../ui/Dialog.js';

export const PEOPLE_LIST_TITLE = 'People list';

interface AliasDraft {
  uid: number;
  spelling: string;
  source: string;
}
interface PersonDraft {
  id: number | null;
  name: string;
  aliases: AliasDraft[];
  note: string;
}

let uids = 0;
const newAlias = (spelling = '', source = ''): AliasDraft => ({ uid: (uids += 1), spelling, source });
const emptyDraft = (): PersonDraft => ({ id: null, name: '', aliases: [newAlias()], note: '' });
const draftOf = (p: PeopleEntry): PersonDraft => ({
  id: p.id,
  name: p.name,
  aliases: p.aliases.length > 0 ? p.aliases.map((a) => newAlias(a.spelling, a.source)) : [newAlias()],
  note: p.note,
});

function AliasFields({ alias, index, onChange, onRemove }: { alias: AliasDraft; index: number; onChange(next: AliasDraft): void; onRemove(): void }) {
  const id = useId();
  return (
    <li className="people-alias field-row">
      <div className="field">
        <label htmlFor={`${id}-spelling`}>Other spelling {index + 1}</label>
        <input
          id={`${id}-spelling`}
          value={alias.spelling}
          maxLength={PEOPLE_LIMITS.spelling}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ ...alias, spelling: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>Used by</label>
        <input
          id={`${id}-source`}
          value={alias.source}
          maxLength={PEOPLE_LIMITS.source}
          placeholder="KCNA"
          onChange={(e) => onChange({ ...alias, source: e.target.value })}
        />
      </div>
      <button type="button" className="small-button danger-text" onClick={onRemove}>
        Remove spelling<span className="sr-only"> {index + 1}</span>
      </button>
    </li>
  );
}

export function PeopleListScreen() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<PeopleEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<PersonDraft>(emptyDraft);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<PeopleEntry | null>(null);
  const lookups = useRef(0);
  const focusNext = useRef<'name' | 'status' | 'error' | 'last-alias' | null>(null);

  const search = useCallback(async (text: string, after?: string) => {
    const lookup = ++lookups.current;
    try {
      const r = await api.people.list({ ...(text.trim() ? { query: text.trim() } : {}), ...(after ? { cursor: after } : {}) });
      if (lookup !== lookups.current) return;
      setPeople((before) => (after && before ? [...before, ...r.people] : r.people));
      setTotal(r.total);
      setCursor(r.nextCursor);
      setLoadError(null);
    } catch (e) {
      if (lookup === lookups.current) setLoadError(toUiError(e).message);
    }
  }, []);

  // Searching as the desk types, a moment after the last key.
  useEffect(() => {
    const t = setTimeout(() => void search(query), 200);
    return () => clearTimeout(t);
  }, [query, search]);

  useEffect(() => {
    const what = focusNext.current;
    focusNext.current = null;
    if (what === 'name') document.getElementById(`${id}-name`)?.focus();
    else if (what === 'status') document.getElementById(`${id}-status`)?.focus();
    else if (what === 'error') document.getElementById(`${id}-error`)?.focus();
    else if (what === 'last-alias') document.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-form`)} .people-alias:last-child input`)?.focus();
  });

  /** The live checks read the list: give them the new one. */
  const refreshChecks = () =>
    void api.people.all({}).then(
      (r) => useCheckSettings.getState().setPeople(r.people),
      () => undefined,
    );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setStatus('');
    if (draft.name.trim() === '') {
      setFormError('Type the house spelling.');
      focusNext.current = 'name';
      return;
    }
    setBusy(true);
    try {
      const { person } = await api.people.save({
        ...(draft.id !== null ? { id: draft.id } : {}),
        name: draft.name,
        aliases: draft.aliases.filter((a) => a.spelling.trim() !== '').map((a) => ({ spelling: a.spelling, source: a.source })),
        note: draft.note,
      });
      setFormError(null);
      setDraft(emptyDraft());
      setStatus(`${draft.id !== null ? 'Saved' : 'Added'} ${person.name}. The name check uses it from now on.`);
      focusNext.current = 'status';
      refreshChecks();
      void search(query);
    } catch (err) {
      setFormError(toUiError(err).message);
      focusNext.current = 'error';
    } finally {
      setBusy(false);
    }
  };

  const remove = async (person: PeopleEntry) => {
    setRemoving(null);
    try {
      await api.people.remove({ id: person.id });
      if (draft.id === person.id) setDraft(emptyDraft());
      setStatus(`Removed ${person.name} from the list.`);
      refreshChecks();
      void search(query);
    } catch (err) {
      setStatus(`Could not remove ${person.name}: ${toUiError(err).message}`);
    }
    focusNext.current = 'status';
  };

  const editing = draft.id !== null;
  const setAlias = (i: number, next: AliasDraft) => setDraft({ ...draft, aliases: draft.aliases.map((a, j) => (j === i ? next : a)) });

  return (
    <div className="admin people-list">
      <h1 className="admin-title">{PEOPLE_LIST_TITLE}</h1>
      <p className="muted">
        How the paper spells the people in the news, and the other spellings the desk meets in wire copy. The name check pairs these spellings in a story and offers the
        house spelling as its fix.
      </p>

      <section className="admin-section" aria-labelledby={`${id}-form-title`}>
        <h2 id={`${id}-form-title`}>{editing ? `Edit ${draft.name.trim() || 'person'}` : 'Add a person'}</h2>
        <form id={`${id}-form`} className="admin-card" onSubmit={(e) => void save(e)} noValidate>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-name`}>House spelling</label>
              <input
                id={`${id}-name`}
                value={draft.name}
                maxLength={PEOPLE_LIMITS.spelling}
                autoComplete="off"
                spellCheck={false}
                placeholder="Lee Yong-ho"
                aria-invalid={formError && draft.name.trim() === '' ? true : undefined}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-note`}>Note</label>
              <input
                id={`${id}-note`}
                value={draft.note}
                maxLength={PEOPLE_LIMITS.note}
                placeholder="North Korean foreign minister 2016-20"
                onChange={(e) => setDraft({ ...draft, note: e.target.value })}
              />
            </div>
          </div>
          <fieldset className="people-aliases">
            <legend>Other spellings</legend>
            <ul>
              {draft.aliases.map((a, i) => (
                <AliasFields
                  key={a.uid}
                  alias={a}
                  index={i}
                  onChange={(next) => setAlias(i, next)}
                  onRemove={() => setDraft({ ...draft, aliases: draft.aliases.filter((_, j) => j !== i) })}
                />
              ))}
            </ul>
            <button
              type="button"
              disabled={draft.aliases.length >= PEOPLE_LIMITS.aliases}
              onClick={() => {
                focusNext.current = 'last-alias';
                setDraft({ ...draft, aliases: [...draft.aliases, newAlias()] });
              }}
            >
              Add spelling
            </button>
          </fieldset>
          {formError ? (
            <p id={`${id}-error`} className="error-text" role="alert" tabIndex={-1}>
              {formError}
            </p>
          ) : null}
          <div className="row-actions">
            <button type="submit" className="primary" aria-disabled={busy ? true : undefined}>
              {editing ? 'Save person' : 'Add person'}
            </button>
            {editing ? (
              <button
                type="button"
                onClick={() => {
                  setDraft(emptyDraft());
                  setFormError(null);
                  focusNext.current = 'name';
                }}
              >
                Cancel editing
              </button>
            ) : null}
          </div>
        </form>
        <p id={`${id}-status`} className="admin-notice" role="status" tabIndex={-1}>
          {status}
        </p>
      </section>

      <section className="admin-section" aria-labelledby={`${id}-list-title`}>
        <h2 id={`${id}-list-title`}>People ({total.toLocaleString('en-US')})</h2>
        <div className="field people-search">
          <label htmlFor={`${id}-search`}>Search people</label>
          <input id={`${id}-search`} type="search" value={query} placeholder="Name, spelling or note" onChange={(e) => setQuery(e.target.value)} />
        </div>
        {loadError ? (
          <p className="error-text" role="alert">
            Could not load the people list: {loadError}
          </p>
        ) : null}
        {people === null && !loadError ? <p className="muted">Loading the people list…</p> : null}
        {people && people.length === 0 ? <p className="muted">{query.trim() ? 'Nobody on the list matches.' : 'Nobody on the list yet.'}</p> : null}
        {people && people.length > 0 ? (
          <table className="admin-table people-table">
            <caption className="sr-only">People on the list</caption>
            <thead>
              <tr>
                <th scope="col">House spelling</th>
                <th scope="col">Other spellings</th>
                <th scope="col">Note</th>
                <th scope="col">Changed by</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.aliases.length === 0 ? '—' : p.aliases.map((a) => (a.source ? `${a.spelling} (${a.source})` : a.spelling)).join(', ')}</td>
                  <td>{p.note}</td>
                  <td>{p.updatedBy ?? ''}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => {
                        setDraft(draftOf(p));
                        setFormError(null);
                        setStatus('');
                        focusNext.current = 'name';
                      }}
                    >
                      Edit<span className="sr-only"> {p.name}</span>
                    </button>
                    <button type="button" className="small-button danger-text" onClick={() => setRemoving(p)}>
                      Remove<span className="sr-only"> {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {cursor ? (
          <button type="button" onClick={() => void search(query, cursor)}>
            Show more people
          </button>
        ) : null}
      </section>

      {removing ? (
        <Dialog title={`Remove ${removing.name}?`} onClose={() => setRemoving(null)}>
          <p>The name check will no longer pair {removing.name}&rsquo;s other spellings or offer the house spelling.</p>
          <div className="dialog-actions">
            <button type="button" data-autofocus onClick={() => setRemoving(null)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void remove(removing)}>
              Remove from list
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

export default PeopleListScreen;
