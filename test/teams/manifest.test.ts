import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { drawIcons } from '../../scripts/draw-icons.ts';
import { main } from '../../scripts/package-teams.ts';
import {
  buildTeamsPackage,
  fillManifest,
  iconErrors,
  MANIFEST_DIR,
  manifestSchemaErrors,
} from '../../scripts/teams-manifest.ts';

const BOT_ID = '2f6c1a3e-7b1d-4c1e-9a55-0b7e3c1d2a40';

function tempManifestDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
  for (const file of ['manifest.json', 'color.png', 'outline.png'])
    cpSync(join(MANIFEST_DIR, file), join(dir, file));
  return dir;
}

interface ManifestShape {
  manifestVersion: string;
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  composeExtensions: unknown[];
  validDomains: string[];
  name: unknown;
}

describe('the Teams manifest', () => {
  const manifest = fillManifest({ botId: BOT_ID }) as unknown as ManifestShape;

  it('is valid against the v1.22 manifest schema kept in the repo', () => {
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifestSchemaErrors(manifest)).toEqual([]);
  });

  it('declares the bot in personal, team and group chats, with sample questions', () => {
    expect(manifest.bots[0]?.botId).toBe(BOT_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = manifest.bots[0]?.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toContain('lessons on chronologies');
  });

  it('declares the compose-box search', () => {
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId: BOT_ID,
      commands: [{ id: 'searchLessons', type: 'query', context: ['compose', 'commandBox'] }],
    });
    expect(manifest.validDomains).toContain('*.botframework.com');
  });

  it('uses no draft-04 keyword that Ajv’s draft-07 reading would misread', () => {
    const schema = readFileSync(
      join(MANIFEST_DIR, 'schema', 'MicrosoftTeams-1.22.schema.json'),
      'utf8',
    );
    expect(schema).not.toMatch(/"exclusive(Minimum|Maximum)":\s*(true|false)/);
  });

  it('is reported field by field when something is wrong', () => {
    expect(manifestSchemaErrors({ ...manifest, name: { short: 'x'.repeat(31) } })).toEqual([
      'manifest.json/name/short: must NOT have more than 30 characters',
    ]);
  });
});

describe('the icons', () => {
  it('follow Teams’ rules: color 192×192, outline 32×32 white on transparent', () => {
    expect(iconErrors()).toEqual([]);
  });

  it('are exactly what scripts/draw-icons.ts draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-icons-'));
    drawIcons(dir);
    for (const file of ['color.png', 'outline.png']) {
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(MANIFEST_DIR, file)))).toBe(
        true,
      );
    }
  });

  it('an outline with colour in it is refused', () => {
    const dir = tempManifestDir();
    cpSync(join(MANIFEST_DIR, 'color.png'), join(dir, 'outline.png'));
    expect(iconErrors(dir)).toEqual(
      expect.arrayContaining([
        'outline.png: must be 32×32, is 192×192',
        'outline.png: must be white on transparent only',
      ]),
    );
  });
});

describe('buildTeamsPackage', () => {
  it('zips the filled-in manifest with both icons', () => {
    const { zip } = buildTeamsPackage({ botId: BOT_ID, validDomains: ['lessons.example.org'] });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const inside = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(inside.id).toBe(BOT_ID);
    expect(inside.validDomains).toEqual(['*.botframework.com', 'lessons.example.org']);
    expect(JSON.stringify(inside)).not.toContain('{{');
  });

  it('refuses an id that is not a GUID, saying where to find the right one', () => {
    expect(() => buildTeamsPackage({ botId: 'my-bot' })).toThrow(
      /not a GUID: use the Application \(client\) ID/,
    );
  });

  it('refuses a manifest that breaks the schema', () => {
    const dir = tempManifestDir();
    const broken = readFileSync(join(dir, 'manifest.json'), 'utf8').replace(
      '"accentColor": "#0F6A74",',
      '',
    );
    writeFileSync(join(dir, 'manifest.json'), broken);
    expect(() => buildTeamsPackage({ botId: BOT_ID, dir })).toThrow(
      "manifest.json: must have required property 'accentColor'",
    );
  });
});

describe('npm run package:teams', () => {
  it('takes the bot id from TEAMS_CLIENT_ID and writes the zip', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-zip-')), 'app.zip');
    const said: string[] = [];
    expect(
      main(
        ['--out', out],
        { TEAMS_CLIENT_ID: BOT_ID },
        { out: (t) => said.push(t), err: (t) => said.push(t) },
      ),
    ).toBe(0);
    expect(said.join('')).toContain('valid against the Teams manifest schema');
    expect(
      JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(out))['manifest.json'])).bots[0]
        .botId,
    ).toBe(BOT_ID);
  });

  it('explains what is missing without a bot id, exiting 1 (the user’s to fix)', () => {
    const said: string[] = [];
    expect(main([], {}, { out: (t) => said.push(t), err: (t) => said.push(t) })).toBe(1);
    expect(said.join('')).toContain('pass --bot-id or set TEAMS_CLIENT_ID');
  });

  it('exits 1 for an option it does not know', () => {
    const said: string[] = [];
    expect(main(['--bot'], {}, { out: (t) => said.push(t), err: (t) => said.push(t) })).toBe(1);
    expect(said.join('')).toContain('Usage: npm run package:teams');
  });
});
