/**
 * End to end in a real Teams-like client: the bot (real corpus, local mode) and the
 * Microsoft 365 Agents Playground, both on 127.0.0.1, driven by Debian's Chromium.
 * Types "lessons on chronologies" and checks the Adaptive Card the Playground renders.
 * Run with: npm run test:e2e (needs /usr/bin/chromium: apt-get install -y chromium)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, type Started, startNode } from '../../scripts/e2e/child-process.ts';
import {
  launchChromium,
  loopbackOnly,
  type Playground,
  startPlayground,
} from '../../scripts/e2e/playground.ts';
import {
  createSearchIndex,
  handleCommand,
  loadCorpus,
  parseCommand,
} from '../../src/core/index.ts';

const SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'teams-search.png');
const QUESTION = 'lessons on chronologies';

/** What the bot should show for the question: the first page of the real corpus's answer. */
async function expectedTitles(): Promise<string[]> {
  const corpus = await loadCorpus(join(ROOT, 'lessons'));
  const deps = { corpus, search: createSearchIndex(corpus), pageSize: 3, random: () => 0 };
  const reply = await handleCommand(parseCommand(QUESTION), deps, { isAdmin: false });
  if (reply.kind !== 'results') throw new Error(`the corpus has no answer for "${QUESTION}"`);
  return reply.lessons.map((lesson) => lesson.title);
}

describe('lessons-bot in the Microsoft 365 Agents Playground', () => {
  let bot: Started | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let playgroundUrl = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const botPort = await freePort();
    bot = await startNode(['scripts/e2e/start-teams-bot.ts', String(botPort)], /^ready /m);
    playground = await startPlayground(botPort);
    playgroundUrl = playground.url;
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  it('answers "lessons on chronologies" with a card of the chronology lessons', async () => {
    const titles = await expectedTitles();
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 1250 } });
    await loopbackOnly(page);
    await page.goto(playgroundUrl);

    // On install the bot says hello: the welcome card shows it is connected.
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Hello, I’m lessons-bot' })
      .waitFor({ timeout: 20_000 });

    const box = page.locator('[role="textbox"]').first();
    await box.click();
    await box.fill(QUESTION);
    await page.keyboard.press('Enter');

    const card = page.locator('.ac-adaptiveCard', { hasText: 'Lessons for' }).last();
    await card.waitFor({ timeout: 20_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what a person sees
    const shown = await card.innerText();
    for (const title of titles) expect(shown).toContain(title);
    expect(shown).toMatch(/Source: .+ · .+ · \d{4}/);
    expect(shown).toContain('Themes: ');
    expect(shown).toContain('More results');

    await card.scrollIntoViewIfNeeded();
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    // The bot itself reaches for nothing outside; the Playground tries to send
    // telemetry even with --disable-telemetry, and the preload refuses it.
    expect(bot?.output()).not.toContain('refused a connection');
  });

  it('shows a question as typed: Markdown in it is not turned into a link or formatting', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 1000 } });
    await loopbackOnly(page);
    await page.goto(playgroundUrl);
    const box = page.locator('[role="textbox"]').first();
    await box.click();
    await box.fill('[click](https://evil.example) *zzqx*');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'No lessons match' }).last();
    await card.waitFor({ timeout: 20_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what a person sees
    expect(await card.innerText()).toContain(
      'No lessons match “[click](https://evil.example) *zzqx*”',
    );
    expect(await card.locator('a[href*="evil.example"]').count()).toBe(0);
  });
});
