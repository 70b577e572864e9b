/**
 * The Teams app package: manifest/teams/manifest.json with the bot's id filled in,
 * checked against the manifest JSON schema kept beside it (v1.22) and the icon rules,
 * zipped with the two icons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';

export const MANIFEST_DIR = join(import.meta.dirname, '..', 'manifest', 'teams');
const SCHEMA_FILE = join(MANIFEST_DIR, 'schema', 'MicrosoftTeams-1.22.schema.json');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ajv-formats is CommonJS: its `default` is the plugin, as TypeScript's NodeNext typing sees it.
const addFormats = addFormatsModule.default;

export interface PackageInput {
  botId: string;
  /** the Teams app's own id; the bot id by default, as most single-bot apps do */
  appId?: string;
  /** extra domains for validDomains, e.g. the bot's public host */
  validDomains?: string[];
  dir?: string;
}

export type Manifest = Record<string, unknown> & { validDomains?: string[] };

/** The template with its {{BOT_ID}} and {{APP_ID}} placeholders filled in. */
export function fillManifest(input: PackageInput): Manifest {
  const dir = input.dir ?? MANIFEST_DIR;
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8')
    .replaceAll('{{BOT_ID}}', input.botId.toLowerCase())
    .replaceAll('{{APP_ID}}', (input.appId ?? input.botId).toLowerCase());
  const manifest = JSON.parse(text) as Manifest;
  const domains = [...(manifest.validDomains ?? []), ...(input.validDomains ?? [])];
  return { ...manifest, validDomains: [...new Set(domains)] };
}

let compiled: ReturnType<typeof compileSchema> | undefined;

function compileSchema() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // The schema declares draft-04, which Ajv 8 does not bundle; it uses no keyword
  // that differs from draft-07 (checked by test/teams/manifest.test.ts), so it is
  // compiled as draft-07. strict: false for its documentation-only keywords.
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Schema problems as "path: message" lines. */
export function manifestSchemaErrors(manifest: unknown): string[] {
  compiled ??= compileSchema();
  const validate = compiled;
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (e) => `manifest.json${e.instancePath || ''}: ${e.message ?? 'invalid'}`,
  );
}

/** Teams' icon rules: color 192×192; outline 32×32 and white on transparent only. */
export function iconErrors(dir = MANIFEST_DIR): string[] {
  const problems: string[] = [];
  const color = PNG.sync.read(readFileSync(join(dir, 'color.png')));
  if (color.width !== 192 || color.height !== 192)
    problems.push(`color.png: must be 192×192, is ${color.width}×${color.height}`);
  const outline = PNG.sync.read(readFileSync(join(dir, 'outline.png')));
  if (outline.width !== 32 || outline.height !== 32)
    problems.push(`outline.png: must be 32×32, is ${outline.width}×${outline.height}`);
  for (let i = 0; i < outline.data.length; i += 4) {
    const [r, g, b, a] = [
      outline.data[i],
      outline.data[i + 1],
      outline.data[i + 2],
      outline.data[i + 3],
    ];
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      problems.push('outline.png: must be white on transparent only');
      break;
    }
  }
  return problems;
}

export interface BuiltPackage {
  manifest: Manifest;
  zip: Uint8Array;
}

/**
 * @throws Error listing every problem, one per line, when the ids or the manifest are invalid
 * @example const { zip } = buildTeamsPackage({ botId: process.env.TEAMS_CLIENT_ID })
 */
export function buildTeamsPackage(input: PackageInput): BuiltPackage {
  const dir = input.dir ?? MANIFEST_DIR;
  const idProblems = [
    ...(GUID.test(input.botId)
      ? []
      : [
          `bot id "${input.botId}" is not a GUID: use the Application (client) ID of the bot's Azure app registration`,
        ]),
    ...(input.appId === undefined || GUID.test(input.appId)
      ? []
      : [`app id "${input.appId}" is not a GUID`]),
  ];
  if (idProblems.length > 0) throw new Error(idProblems.join('\n'));
  const manifest = fillManifest({ ...input, dir });
  const problems = [...manifestSchemaErrors(manifest), ...iconErrors(dir)];
  if (problems.length > 0) throw new Error(problems.join('\n'));
  // A fixed date keeps the zip byte-for-byte the same for the same inputs.
  const mtime = new Date('2026-01-01T00:00:00Z');
  const zip = zipSync(
    {
      'manifest.json': [
        new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
        { mtime },
      ],
      'color.png': [readFileSync(join(dir, 'color.png')), { mtime }],
      'outline.png': [readFileSync(join(dir, 'outline.png')), { mtime }],
    },
    { level: 9 },
  );
  return { manifest, zip };
}
