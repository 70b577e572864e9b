/**
 * Takes the screenshots of "the chat way" in docs/adding-a-review.md: a review sent to the
 * bot in a Teams personal chat, in the Microsoft 365 Agents Playground, with Chromium.
 * The bot is scripts/e2e/start-teams-import-bot.ts; the documents are the FICTIONAL ones
 * the importer's tests generate. Run with: npm run screenshots (needs /usr/bin/chromium, and
 * fonts-noto-color-emoji for the cards' ✅: apt-get install -y chromium fonts-noto-color-emoji).
 *
 * The Playground's chat box sends text only, so each file is sent as Teams sends one: a
 * message with a file download info attachment, posted through the Playground's own
 * custom activity API into its personal chat, from its default user. The bot's answers
 * and the button presses are the Playground's, as a person sees and makes them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  anytownChildT,
  type Fixture,
  lakesideBabyL,
} from '../test/fixtures/import/fictional-documents.ts';
import { startFileHost } from '../test/helpers/file-host.ts';
import { freePort, ROOT, startNode } from './e2e/child-process.ts';
import { launchChromium, loopbackOnly, startPlayground } from './e2e/playground.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const WAIT = { timeout: 60_000 };

interface PlaygroundConfig {
  currentUser: { aadObjectId: string };
  personalChat: { id: string };
}

/** Sends a file into the Playground's personal chat, as Teams does, from its default user. */
async function sendFile(
  playgroundUrl: string,
  chatId: string,
  downloadUrl: string,
  fileName: string,
): Promise<void> {
  const api = `${playgroundUrl}_internal/v1/customActivities`;
  const query = `?conversationId=${encodeURIComponent(chatId)}`;
  const base = (await (await fetch(`${api}/template${query}`)).json()) as Record<string, unknown>;
  const attachment = {
    contentType: FILE_DOWNLOAD_INFO,
    contentUrl: downloadUrl,
    name: fileName,
    content: { downloadUrl, uniqueId: fileName, fileType: fileName.split('.').pop() },
  };
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...base, type: 'message', text: '', attachments: [attachment] }),
  });
  if (!response.ok) throw new Error(`the Playground refused the file: ${response.status}`);
}

/** Some room around the messages: the bot's name and time above, the card's shadow below. */
const ABOVE = 42;
const BELOW = 24;

/**
 * Waits for the card that says `text` and saves the conversation from the message that
 * says `from` down to that card, the width of the conversation pane.
 */
async function shoot(page: Page, from: string, text: string, name: string): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard', { hasText: text }).last();
  await card.waitFor(WAIT);
  await card.scrollIntoViewIfNeeded();
  const bottom = await card.boundingBox();
  // The log panel beside the conversation repeats the bot's text messages: not that copy.
  const boxes = await Promise.all((await page.getByText(from).all()).map((at) => at.boundingBox()));
  const top = boxes.findLast(
    (box) => box !== null && bottom !== null && box.x < bottom.x + bottom.width,
  );
  if (!top || !bottom) throw new Error(`"${from}" or "${text}" is not on the page`);
  // The bot's avatar sits left of the card, and the pane is as wide again on the right.
  const x = bottom.x - 78;
  const y = top.y - ABOVE;
  await page.screenshot({
    path: join(OUT, name),
    clip: { x, y, width: bottom.width + 174, height: bottom.y + bottom.height + BELOW - y },
  });
  console.log(`wrote docs/screenshots/${name}`);
  return card;
}

// Each part is stopped at the end, the last started first, however far the script got.
const stops: (() => Promise<void>)[] = [];
try {
  const browser = await launchChromium();
  stops.push(() => browser.close());
  const files = await startFileHost();
  stops.push(files.close);
  const botPort = await freePort();
  const playground = await startPlayground(botPort);
  stops.push(playground.stop);
  const { config } = (await (await fetch(`${playground.url}_internal/v1/config`)).json()) as {
    config: PlaygroundConfig;
  };
  const bot = await startNode(
    [
      'scripts/e2e/start-teams-import-bot.ts',
      String(botPort),
      files.origin,
      config.currentUser.aadObjectId,
    ],
    /^ready /m,
  );
  stops.push(bot.stop);
  const send = async (fixture: Fixture) =>
    sendFile(
      playground.url,
      config.personalChat.id,
      files.serve(fixture.fileName, await fixture.bytes()),
      fixture.fileName,
    );

  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 1200 },
    // the conversation pane is about 620 px wide: this makes the pictures about 1000 px wide
    deviceScaleFactor: 1.6,
  });
  await loopbackOnly(page);
  await page.goto(playground.url);
  await page.locator('.ac-adaptiveCard', { hasText: 'Hello, I’m lessons-bot' }).waitFor(WAIT);

  await send(lakesideBabyL);
  const reading = (fixture: Fixture) => `Reading ${fixture.fileName}`;
  const draft = await shoot(page, reading(lakesideBabyL), 'Draft: Baby L', 'teams-draft-card.png');
  await draft.getByRole('button', { name: 'Approve' }).click();
  await shoot(page, 'Draft: Baby L', 'Baby L is live', 'teams-draft-approved.png');

  await send(anytownChildT);
  await shoot(page, reading(anytownChildT), 'Before it can be approved', 'teams-draft-problem.png');
} finally {
  for (const stop of stops.reverse()) await stop();
}
