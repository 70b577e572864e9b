/**
 * The Microsoft 365 Agents Playground and Debian's Chromium, as the end-to-end test and
 * the screenshot script use them: everything on 127.0.0.1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort, ROOT, type Started, startNode } from './child-process.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Playground extends Started {
  /** http://127.0.0.1:PORT/ */
  url: string;
}

/** Starts the Playground in front of the bot at botPort, as Teams (channel msteams). */
export async function startPlayground(botPort: number): Promise<Playground> {
  const port = await freePort();
  // It writes devTools/m365agentsplayground.log where it runs: not in the repo.
  const cwd = mkdtempSync(join(tmpdir(), 'playground-'));
  const started = await startNode(
    [
      join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '--app-endpoint',
      `http://127.0.0.1:${botPort}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    /Listening on \d+/,
    { env: { TEAMSAPPTESTER_BROWSER: 'none' }, cwd },
  );
  const listening = /Listening on (\d+)/.exec(started.output())?.[1] ?? port;
  return {
    ...started,
    url: `http://127.0.0.1:${listening}/`,
    stop: async () => {
      await started.stop();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Only 127.0.0.1 may be reached from the page: the Playground's web fonts are not fetched. */
export async function loopbackOnly(page: Page): Promise<void> {
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
}
