/**
 * npm run package:teams [-- --bot-id <guid>] [--app-id <guid>] [--valid-domain <host>] [--out <file>]
 *
 * Writes the Teams app package (a zip to upload in Teams or the Teams admin centre)
 * with the bot id filled in, after checking the manifest against its JSON schema.
 * The bot id comes from --bot-id or TEAMS_CLIENT_ID.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildTeamsPackage } from './teams-manifest.ts';

const USAGE =
  'Usage: npm run package:teams -- --bot-id <guid> [--app-id <guid>] [--valid-domain <host>]... [--out <file>]\n' +
  'The bot id is the Application (client) ID of the bot’s Azure app registration; TEAMS_CLIENT_ID is used when --bot-id is absent.';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const STDIO: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export function main(argv: string[], env: NodeJS.ProcessEnv, io: Io = STDIO): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 1;
  }
  const botId = args.values['bot-id'] ?? env.TEAMS_CLIENT_ID;
  if (!botId) {
    io.err(`No bot id: pass --bot-id or set TEAMS_CLIENT_ID.\n${USAGE}\n`);
    return 1;
  }
  const out = resolve(args.values.out ?? 'dist/teams/lessons-bot-teams.zip');
  try {
    const { manifest, zip } = buildTeamsPackage({
      botId,
      ...(args.values['app-id'] ? { appId: args.values['app-id'] } : {}),
      validDomains: args.values['valid-domain'] ?? [],
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    io.out(
      `Wrote ${out} (manifest ${String(manifest.manifestVersion)}, bot ${botId.toLowerCase()}): valid against the Teams manifest schema.\n`,
    );
    if (JSON.stringify(manifest.developer).includes('example.org')) {
      io.out(
        'Note: developer links in manifest/teams/manifest.json still point at example.org; set your own before publishing to your organisation.\n',
      );
    }
    return 0;
  } catch (error) {
    io.err(
      `The Teams package was not written:\n${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      'bot-id': { type: 'string' },
      'app-id': { type: 'string' },
      'valid-domain': { type: 'string', multiple: true },
      out: { type: 'string' },
    },
    strict: true,
  });
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2), process.env);
