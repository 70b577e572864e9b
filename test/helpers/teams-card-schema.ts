/**
 * Checks cards against the Adaptive Card 1.5 JSON schema kept in the repo
 * (manifest/teams/schema/adaptive-card-1.5.schema.json), and against the smaller set
 * of elements we allow because Teams desktop and mobile both render them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import addFormatsModule from 'ajv-formats';

const SCHEMA_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'manifest',
  'teams',
  'schema',
  'adaptive-card-1.5.schema.json',
);

// ajv-formats is CommonJS: its function is module.exports, and also its `default`,
// which is the one TypeScript's NodeNext typing lets us call.
const addFormats = addFormatsModule.default;

function compile() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // The published file names its id with draft-04's "id"; Ajv 8 wants "$id".
  schema.$id = schema.id;
  delete schema.id;
  // strict: false because the schema carries documentation keywords ("version", "features").
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(draft06);
  return ajv.compile(schema);
}

const validate = compile();

/** Schema errors, as "path: message" lines; empty when the card is valid. */
export function cardSchemaErrors(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

export const ALLOWED_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'Container',
  'FactSet',
  'ActionSet',
  'Action.Submit',
  'Action.OpenUrl',
  'Input.Text',
]);

/** Every `type` used anywhere in the card. */
export function typesIn(card: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      // Submit data is ours and may hold anything; it is not card structure.
      if (typeof record.type === 'string') found.add(record.type);
      for (const [key, value] of Object.entries(record)) if (key !== 'data') walk(value);
    }
  };
  walk(card);
  return found;
}
