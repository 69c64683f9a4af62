// Migration 010 (photo_metadata_warnings): on a database at version 7 the photos already in the
// library keep every field and read back with no metadata warnings; new imports store theirs.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m010 from '../../../db/sqlite/migrations/010_photo_metadata_warnings.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { getPhotoAsset, insertPhotoAsset } from '../../../db/photos.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

describe('migration 010_photo_metadata_warnings', () => {
  it('is registered', () => {
    expect(m010.version).toBe(10);
    expect(MIGRATIONS).toContain(m010);
  });

  it('gives existing photos no warnings and stores those of a new import', async () => {
    const db = dbAtVersion(7);
    db.exec(`INSERT INTO staff (name, email) VALUES ('A', 'a@example.com');
      INSERT INTO photo_assets (hash, original_name, content_type, width, height, bytes, caption, credit, creator, copyright, imported_at, imported_by)
        VALUES ('abcdef0123456789', 'talks.jpg', 'image/jpeg', 10, 10, 100, 'Library caption', 'Yonhap', 'Lee Ji-hoon', '© Yonhap', 't', 1);`);
    const before = db.prepare(`SELECT * FROM photo_assets`).get() as object;
    migrate(db);
    expect(db.prepare(`SELECT * FROM photo_assets`).get()).toEqual({ ...before, metadata_warnings: '[]' });
    expect(await getPhotoAsset(sqliteStore(db), 1)).toMatchObject({ caption: 'Library caption', metadataWarnings: [] });

    const warning = 'The IPTC (IIM) block says its text is UTF-8 but it is not; Newsdesk read it as Latin-1.';
    const { id } = await insertPhotoAsset(sqliteStore(db), {
      ...(await getPhotoAsset(sqliteStore(db), 1))!,
      hash: 'fedcba9876543210',
      metadataWarnings: [warning],
      renditions: {
        original: { file: 'original.jpg', bytes: 1 },
        display: { file: 'd.jpg', width: 1, height: 1, bytes: 1 },
        thumb: { file: 't.jpg', width: 1, height: 1, bytes: 1 },
      },
    });
    expect((await getPhotoAsset(sqliteStore(db), id))?.metadataWarnings).toEqual([warning]);
    db.close();
  });
});
