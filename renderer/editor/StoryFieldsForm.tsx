// The story's fields above the body: headline, subheadlines, slug, dateline, desk and byline.
import type { Staff } from '../../shared/domain.js';
import { BylineField, SubheadlinesField } from './fields.js';
import type { EditableFields } from './localCopy.js';

export type ChangeField = <K extends keyof EditableFields>(key: K, value: EditableFields[K]) => void;

export function StoryFieldsForm({
  fields,
  readOnly,
  desks,
  staff,
  changeField,
}: {
  fields: EditableFields;
  readOnly: boolean;
  desks: string[];
  staff: Staff[];
  changeField: ChangeField;
}) {
  return (
    <form className="story-fields" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="f-headline">Headline</label>
        <input
          id="f-headline"
          className="headline-input"
          value={fields.headline}
          readOnly={readOnly}
          maxLength={500}
          onChange={(e) => changeField('headline', e.target.value)}
        />
      </div>
      <SubheadlinesField value={fields.subheadlines} readOnly={readOnly} onChange={(v) => changeField('subheadlines', v)} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="f-slug">Slug</label>
          <input id="f-slug" value={fields.slug} readOnly={readOnly} maxLength={200} onChange={(e) => changeField('slug', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-dateline">Dateline</label>
          <input id="f-dateline" value={fields.dateline} readOnly={readOnly} maxLength={200} onChange={(e) => changeField('dateline', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-desk">Desk</label>
          <select id="f-desk" value={fields.desk} disabled={readOnly} onChange={(e) => changeField('desk', e.target.value)}>
            {[...new Set([fields.desk, ...desks])].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
      </div>
      <BylineField value={fields.byline} staff={staff} readOnly={readOnly} onChange={(v) => changeField('byline', v)} />
    </form>
  );
}
