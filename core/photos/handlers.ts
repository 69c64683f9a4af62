// The photo desk's slice of the core: import, the library (search, filters, metadata edits) and
// photos in stories (attach, re-caption, reorder, detach). Permissions come from shared/workflow;
// every write to a story's photos is audited, reindexed and announced.

import { insertAuditEvent } from '../../db/audit.js';
import { ftsQuery } from '../../db/ftsQuery.js';
import { effectiveTimeZone, wallClock, zonedTimeToDate } from '../../shared/timeZone.js';
import {
  deleteStoryPhoto,
  getPhotoAsset,
  getPhotoAssets,
  getStoryPhotoRow,
  insertStoryPhoto,
  listPhotoAssets,
  nextStoryPhotoPosition,
  setStoryPhotoOrder,
  storiesUsingAsset,
  storyPhotoIds,
  updatePhotoAssets,
  updateStoryPhoto,
  type PhotoAssetChanges,
} from '../../db/photos.js';
import { reindexStory, updateStoryContent } from '../../db/stories.js';
import { approvedUsesOfAsset, listStoryPhotos } from '../../db/storyPhotos.js';
import { plainBody, validateBody } from '../../shared/body.js';
import type { AuditEventKind, DocNode, Id, Staff, Story, StoryPhoto } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { isPhotoEditor, photoEditRefusal } from '../../shared/workflow.js';
import { photosChanged } from '../changeEvents.js';
import { signedIn, type Handlers } from '../dispatch.js';
import { decodeCursor, encodeCursor } from '../paging.js';
import { toPerson, toWorkflowStory } from '../staff/people.js';
import { cleanText, FIELD_LIMITS } from './metadata/merge.js';
import { figureIds, insertFigure, removeFigures, reorderFigures } from './figures.js';
import { importPhotos } from './pipeline.js';
import { countBodyWords } from '../../shared/text.js';
import type { CoreServices } from '../services.js';
import { loadStory } from '../stories/loadStory.js';
import { write, writerFor } from '../write.js';

/** Importing and editing library metadata is the photo desk's job. */
function requirePhotoEditor(staff: Staff, what: string): void {
  if (!isPhotoEditor(staff)) throw new ApiError('FORBIDDEN', `Only a photo editor may ${what}.`);
}

function requirePhotoEdit(story: Story, staff: Staff): void {
  const refusal = photoEditRefusal(toWorkflowStory(story), toPerson(staff));
  if (refusal) throw new ApiError(refusal.code, refusal.message);
}

/** The fields of a library record an approved story publishes from, by what the story shows them as. */
const APPROVED_FIELDS = ['caption', 'credit', 'creator', 'copyright'] as const;

/** Midnight in the newsroom's time zone (the day its people see), as the UTC instant stored timestamps compare with. */
function startOfToday(now: Date, zone: string): string {
  const { year, month, day } = wallClock(now, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (zonedTimeToDate(`${year}-${pad(month)}-${pad(day)}`, '00:00', zone) ?? now).toISOString();
}

/** Cleans edited text the way imported text is cleaned, so the library never holds control characters. */
function cleanChanges(changes: PhotoAssetChanges): PhotoAssetChanges {
  const out: PhotoAssetChanges = {};
  for (const [key, value] of Object.entries(changes) as [keyof PhotoAssetChanges, unknown][]) {
    if (value === undefined) continue;
    if (key === 'keywords') {
      out.keywords = (value as string[]).map((k) => cleanText(k, FIELD_LIMITS.keyword, false)).filter((k, i, all) => k !== '' && all.indexOf(k) === i);
    } else {
      const multiline = key === 'caption' || key === 'instructions' || key === 'alt';
      out[key] = cleanText(value as string, FIELD_LIMITS[key], multiline);
    }
  }
  return out;
}

export function photoModule(services: CoreServices) {
  const { db } = services;

  /** Writes a new body as the next version (figures are body content), keeping search and word count in step. */
  async function writeBody(story: Story, body: DocNode, at: string): Promise<number> {
    const problems = validateBody(body);
    if (problems.length > 0) throw new ApiError('INTERNAL', `The story body would become invalid: ${problems[0]}`);
    const text = plainBody(body);
    const version = story.version + 1;
    await updateStoryContent(db, story.id, {
      slug: story.slug,
      desk: story.desk,
      headline: story.headline,
      subheadlines: story.subheadlines,
      dateline: story.dateline,
      language: story.language,
      body,
      bodyText: text,
      wordCount: countBodyWords(body, story.language),
      version,
      at,
    });
    return version;
  }

  async function result(storyId: Id) {
    const story = await loadStory(db, storyId);
    return { story, photos: await listStoryPhotos(db, storyId) };
  }

  /**
   * One change to a story's photos: in a transaction, with the photo-edit permission checked,
   * the audit event written and the search index refreshed; then everyone is told.
   */
  async function changeStoryPhotos(
    staff: Staff,
    storyId: Id,
    change: (story: Story, at: string) => Promise<{ event: AuditEventKind; note: string | null; details: unknown }>,
  ): Promise<{ story: Story; photos: StoryPhoto[] }> {
    const at = services.now().toISOString();
    await write(services, async (events) => {
      const story = await loadStory(db, storyId);
      requirePhotoEdit(story, staff);
      const audit = await change(story, at);
      await insertAuditEvent(db, { storyId: story.id, actorId: staff.id, ...audit, at });
      await reindexStory(db, story.id);
      events.push(photosChanged(await loadStory(db, storyId)));
    });
    return result(storyId);
  }

  /** The story a story photo belongs to (NOT_FOUND when there is no such story photo). */
  async function storyPhotoRow(id: Id) {
    const row = await getStoryPhotoRow(db, id);
    if (!row) throw new ApiError('NOT_FOUND', `Story photo ${id} does not exist.`);
    return row;
  }

  /**
   * A library edit never reaches a story the desk has approved: it publishes what was approved
   * (its own caption and credit, the creator and copyright frozen at approval). Where the library
   * now says something else, the story's history says so, for the desk to reopen it if the change
   * should go out. Returns the stories told.
   */
  async function tellApprovedStories(staff: Staff, assetIds: Id[], changes: PhotoAssetChanges): Promise<Id[]> {
    const told = new Set<Id>();
    const at = services.now().toISOString();
    for (const asset of await getPhotoAssets(db, assetIds)) {
      for (const use of await approvedUsesOfAsset(db, asset.id)) {
        const fields = APPROVED_FIELDS.filter((f) => changes[f] !== undefined && asset[f] !== use[f]);
        if (fields.length === 0) continue;
        await insertAuditEvent(db, {
          storyId: use.storyId,
          actorId: staff.id,
          event: 'photo.libraryChanged',
          note:
            `The library's ${fields.join(', ')} of ${asset.originalName} changed after this story was approved; ` +
            `the story keeps what was approved. Reopen it to take the library's.`,
          details: {
            storyPhotoId: use.storyPhotoId,
            assetId: asset.id,
            approved: Object.fromEntries(fields.map((f) => [f, use[f]])),
            library: Object.fromEntries(fields.map((f) => [f, asset[f]])),
          },
          at,
        });
        told.add(use.storyId);
      }
    }
    return [...told];
  }

  return {
    handlers: {
      async 'photos.import'(input, ctx) {
        const staff = signedIn(ctx);
        requirePhotoEditor(staff, 'import photos');
        const results = await importPhotos(
          { db, write: writerFor(services), dataDir: services.dataDir, now: services.now, maxBytes: services.settings().maxPhotoBytes, staffId: staff.id },
          input.files,
        );
        const created = results.filter((r) => r.ok && !r.duplicate && r.asset).map((r) => r.asset!.id);
        if (created.length > 0) services.emit({ type: 'photo.imported', assetIds: created });
        return { results };
      },

      async 'photos.list'(input) {
        const fts = input.query ? ftsQuery(input.query) : null;
        const after = input.cursor ? decodeCursor(input.cursor) : null;
        const page = await listPhotoAssets(
          db,
          {
            fts,
            noCaption: input.noCaption ?? false,
            noCredit: input.noCredit ?? false,
            unused: input.unused ?? false,
            ...(input.importedToday ? { importedSince: startOfToday(services.now(), effectiveTimeZone(services.settings().timeZone)) } : {}),
          },
          { limit: input.limit ?? 100, after: after && { importedAt: after[0], id: after[1] } },
        );
        const { items, total, next } = page;
        return next ? { items, total, nextCursor: encodeCursor([next.importedAt, next.id]) } : { items, total };
      },

      async 'photos.get'(input) {
        const asset = await getPhotoAsset(db, input.id);
        if (!asset) throw new ApiError('NOT_FOUND', `Photo ${input.id} does not exist.`);
        return { asset, stories: await storiesUsingAsset(db, input.id) };
      },

      async 'photos.update'(input, ctx) {
        const staff = signedIn(ctx);
        requirePhotoEditor(staff, 'edit photo metadata');
        const ids = [...new Set(input.ids)];
        const changes = cleanChanges(input.changes as PhotoAssetChanges);
        const updated = await write(services, async (events) => {
          const found = await updatePhotoAssets(db, ids, changes);
          if (found.length !== ids.length) {
            const missing = ids.filter((id) => !found.includes(id));
            throw new ApiError('NOT_FOUND', `Photo ${missing.join(', ')} does not exist; nothing was changed.`);
          }
          const told = await tellApprovedStories(staff, found, changes);
          for (const assetId of found) events.push({ type: 'photo.changed', assetId });
          for (const storyId of told) events.push(photosChanged(await loadStory(db, storyId)));
          return found;
        });
        return { assets: await getPhotoAssets(db, updated) };
      },

      async 'photos.attach'(input, ctx) {
        return await changeStoryPhotos(signedIn(ctx), input.storyId, async (story, at) => {
          const asset = await getPhotoAsset(db, input.assetId);
          if (!asset) throw new ApiError('NOT_FOUND', `Photo ${input.assetId} does not exist.`);
          const existing = await listStoryPhotos(db, story.id);
          if (input.placement === 'lead' && existing.some((p) => p.placement === 'lead')) {
            throw new ApiError('INVALID_STATE', 'This story already has a lead photo. Detach it first, or attach this one inline.');
          }
          const id = await insertStoryPhoto(db, {
            storyId: story.id,
            assetId: asset.id,
            placement: input.placement,
            order: await nextStoryPhotoPosition(db, story.id),
            caption: cleanText(input.caption ?? asset.caption, FIELD_LIMITS.caption, true),
            credit: cleanText(input.credit ?? asset.credit, FIELD_LIMITS.credit, false),
            alt: cleanText(input.alt ?? asset.alt, FIELD_LIMITS.alt, true),
          });
          if (input.placement === 'inline') await writeBody(story, insertFigure(story.body, id, input.position), at);
          if (input.placement === 'lead') await setStoryPhotoOrder(db, await storyPhotoIds(db, story.id)); // lead first, then the rest
          return {
            event: 'photo.attach',
            note: `${asset.originalName} (${input.placement})`,
            details: { storyPhotoId: id, assetId: asset.id, placement: input.placement, position: input.position ?? null },
          };
        });
      },

      async 'photos.updatePlacement'(input, ctx) {
        const row = await storyPhotoRow(input.id);
        return await changeStoryPhotos(signedIn(ctx), row.storyId, async () => {
          const changes: { caption?: string; credit?: string; alt?: string } = {};
          if (input.caption !== undefined) changes.caption = cleanText(input.caption, FIELD_LIMITS.caption, true);
          if (input.credit !== undefined) changes.credit = cleanText(input.credit, FIELD_LIMITS.credit, false);
          if (input.alt !== undefined) changes.alt = cleanText(input.alt, FIELD_LIMITS.alt, true);
          await updateStoryPhoto(db, row.id, changes);
          return {
            event: 'photo.recaption',
            note: Object.keys(changes).join(', ') || null,
            details: { storyPhotoId: row.id, before: { caption: row.caption, credit: row.credit, alt: row.alt }, after: changes },
          };
        });
      },

      async 'photos.detach'(input, ctx) {
        const row = await storyPhotoRow(input.id);
        return await changeStoryPhotos(signedIn(ctx), row.storyId, async (story, at) => {
          await deleteStoryPhoto(db, row.id);
          if (figureIds(story.body).includes(row.id)) await writeBody(story, removeFigures(story.body, row.id), at);
          await setStoryPhotoOrder(db, await storyPhotoIds(db, story.id));
          const asset = await getPhotoAsset(db, row.assetId);
          return {
            event: 'photo.detach',
            note: `${asset?.originalName ?? `photo ${row.assetId}`} (${row.placement})`,
            details: { storyPhotoId: row.id, assetId: row.assetId, placement: row.placement },
          };
        });
      },

      async 'photos.reorder'(input, ctx) {
        return await changeStoryPhotos(signedIn(ctx), input.storyId, async (story, at) => {
          const photos = await listStoryPhotos(db, story.id);
          const current = photos.map((p) => p.id);
          const wanted = [...new Set(input.order)];
          if (wanted.length !== current.length || !wanted.every((id) => current.includes(id))) {
            throw new ApiError('VALIDATION', 'The new order must list each of the story’s photos exactly once.');
          }
          // The lead photo always comes first.
          const lead = photos.find((p) => p.placement === 'lead');
          const order = lead ? [lead.id, ...wanted.filter((id) => id !== lead.id)] : wanted;
          await setStoryPhotoOrder(db, order);
          const body = reorderFigures(story.body, order);
          if (JSON.stringify(figureIds(body)) !== JSON.stringify(figureIds(story.body))) await writeBody(story, body, at);
          return { event: 'photo.reorder', note: null, details: { before: current, after: order } };
        });
      },
    } satisfies Partial<Handlers>,
  };
}
