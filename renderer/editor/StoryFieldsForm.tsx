// The story's fields above the body: headline, subheadlines, slug, dateline, desk and byline.
import type { Staff } from '../../shared/domain.js';
import { isValidSlug, slugFollowsHeadline, slugForHeadline, slugify } from '../../shared/slug.js';
import { useCheckSettings } from '../copyDesk/checkSettings.js';
import { BylineField, HeadlineCount, LineInput, SubheadlinesField } from './fields.js';
import type { EditableFields } from './localCopy.js';

export type ChangeField = <K extends keyof EditableFields>(key: K, value: EditableFields[K]) => void;

/** What the core will store for a slug typed in a form it changes (spaces, accents, Hangul), or why it keeps the saved one. */
function slugHint(slug: string): string | null {
  if (isValidSlug(slug)) return null;
  const stored = slugify(slug);
  return stored ? `Saved as ${stored}` : 'A slug needs a letter or digit; the story keeps its saved slug.';
}

export function StoryFieldsForm({
  storyId,
  fields,
  readOnly,
  desks,
  staff,
  changeField,
}: {
  storyId: number;
  fields: EditableFields;
  readOnly: boolean;
  desks: string[];
  staff: Staff[];
  changeField: ChangeField;
}) {
  const headlineMax = useCheckSettings((s) => s.settings.headlineMaxChars);
  const hint = slugHint(fields.slug);

  const changeHeadline = (headline: string) => {
    // Until a person writes a slug of their own, the slug follows the headline.
    const follows = slugFollowsHeadline(fields.slug, fields.headline, storyId);
    changeField('headline', headline);
    if (follows) {
      const slug = slugForHeadline(headline, storyId);
      if (slug !== fields.slug) changeField('slug', slug);
    }
  };

  return (
    <form className="story-fields" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <div className="field-label-row">
          <label htmlFor="f-headline">Headline</label>
          <HeadlineCount id="f-headline-count" headline={fields.headline} max={headlineMax} />
        </div>
        <LineInput
          id="f-headline"
          className="headline-input"
          value={fields.headline}
          readOnly={readOnly}
          maxLength={500}
          aria-describedby="f-headline-count"
          onChange={changeHeadline}
        />
      </div>
      <SubheadlinesField value={fields.subheadlines} readOnly={readOnly} onChange={(v) => changeField('subheadlines', v)} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="f-slug">Slug</label>
          <input
            id="f-slug"
            value={fields.slug}
            readOnly={readOnly}
            maxLength={200}
            aria-describedby={hint ? 'f-slug-hint' : undefined}
            onChange={(e) => changeField('slug', e.target.value)}
          />
          {hint ? (
            <p id="f-slug-hint" className="muted small field-hint">
              {hint}
            </p>
          ) : null}
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
