// Validates ninjs documents against the IPTC ninjs 3.1 schema copied into tests/fixtures/ninjs.

import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/ninjs/ninjs-schema_3.1.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// ninjs points places[].geoJSON at the remote GeoJSON schema. Tests never fetch: a minimal
// stand-in (an object with a "type") is registered under that id. Newsdesk writes no geoJSON,
// and the seed tests assert so, so the stand-in weakens nothing they check.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object', required: ['type'] });
const validate = ajv.compile(schema);

/** The schema's complaints about `doc` (empty when it validates). */
export function ninjsErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
