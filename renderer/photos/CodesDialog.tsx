// The desk's code replacements and metadata templates (Settings). Everyone can read them; photo
// editors and admins may save (the core enforces it).
import { useState } from 'react';
import { api } from '../api/client.js';
import type { Settings } from '../../shared/domain.js';
import { Dialog } from '../ui/Dialog.js';

type Template = Settings['metadataTemplates'][number];

export function CodesDialog({ settings, canEdit, onClose, onSaved }: { settings: Settings; canEdit: boolean; onClose(): void; onSaved(s: Settings): void }) {
  const [codes, setCodes] = useState(settings.codeReplacements);
  const [templatesText, setTemplatesText] = useState(JSON.stringify(settings.metadataTemplates, null, 2));
  const [error, setError] = useState('');

  const save = async () => {
    let templates: Template[];
    try {
      templates = JSON.parse(templatesText) as Template[];
    } catch {
      setError('The templates are not valid JSON.');
      return;
    }
    try {
      const { settings: next } = await api.settings.update({
        codeReplacements: codes.filter((c) => c.code.trim()),
        metadataTemplates: templates,
      });
      onSaved(next);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Dialog title="Codes & templates" onClose={onClose} wide>
      <table className="codes-table">
        <caption className="sr-only">Code replacements</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Expands to</th>
            {canEdit && (
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {codes.map((c, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`Code ${i + 1}`}
                  value={c.code}
                  readOnly={!canEdit}
                  onChange={(e) => setCodes(codes.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)))}
                />
              </td>
              <td>
                <input
                  aria-label={`Expansion of code ${i + 1}`}
                  value={c.text}
                  readOnly={!canEdit}
                  onChange={(e) => setCodes(codes.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                />
              </td>
              {canEdit && (
                <td>
                  <button type="button" className="small-button" onClick={() => setCodes(codes.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <button type="button" onClick={() => setCodes([...codes, { code: '', text: '' }])}>
          Add code
        </button>
      )}
      <div className="field">
        <label htmlFor="templates-json">Metadata templates (name and fields: caption, credit, creator, copyright, source, alt, keywords)</label>
        <textarea id="templates-json" rows={10} value={templatesText} readOnly={!canEdit} onChange={(e) => setTemplatesText(e.target.value)} />
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {canEdit ? (
        <div className="row-actions">
          <button type="button" className="primary" onClick={() => void save()}>
            Save
          </button>
        </div>
      ) : (
        <p className="small muted">Only photo editors and admins may change codes and templates.</p>
      )}
    </Dialog>
  );
}
