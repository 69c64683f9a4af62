// After rows went in with their own ids (moving a desktop newsroom in), each table's identity
// must continue above the highest id, or the next insert would collide with an imported row.

import type { Sql } from '../sql.js';

/** Sets every identity `id` of the schema to continue after its table's highest id. */
export async function syncIdentities(db: Sql): Promise<void> {
  await db.exec(`DO $$
    DECLARE t text;
    BEGIN
      FOR t IN
        SELECT c.relname FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attname = 'id' AND a.attidentity <> ''
      LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), coalesce(max(id), 0) + 1, false) FROM %I', t, t);
      END LOOP;
    END $$`);
}
