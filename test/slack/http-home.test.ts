/** The App Home tab: a signed app_home_opened event → views.publish with the Home view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitProblems, visibleTexts } from '../helpers/slack-blocks.ts';
import { type HttpHarness, realDeps, startHttpHarness } from '../helpers/slack-harness.ts';
import { appHomeOpenedBody, sendEvent } from '../helpers/slack-signing.ts';

interface PublishArgs {
  user_id: string;
  view: { type: string; blocks: Array<{ type: string }> };
}

async function openHome(h: HttpHarness, userId = 'U123'): Promise<PublishArgs> {
  const before = h.api.callsTo('views.publish').length;
  const res = await sendEvent(h.eventsUrl, appHomeOpenedBody(userId));
  expect(res.status).toBe(200);
  await h.api.waitFor(() => h.api.callsTo('views.publish').length > before, 'views.publish');
  return h.api.callsTo('views.publish').at(-1)?.args as unknown as PublishArgs;
}

describe('App Home', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(() => h.close());

  it('publishes what the bot does, how to ask, themes with counts and the newest reviews', async () => {
    const published = await openHome(h, 'U555');
    expect(published.user_id).toBe('U555');
    expect(published.view.type).toBe('home');
    expect(blockKitProblems(published.view, { surface: 'home' })).toEqual([]);
    const texts = visibleTexts(published.view).join('\n');
    expect(texts).toContain('`/lessons lessons on chronologies`');

    const deps = await realDeps();
    const chronologies = deps.corpus.lessons.filter((l) =>
      l.themes.includes('chronologies'),
    ).length;
    expect(texts).toContain(`Chronologies (${chronologies})`);
    const newest = [...deps.corpus.reviews].sort((a, b) => (a.published < b.published ? 1 : -1))[0];
    expect(texts).toContain(newest?.title);
  });

  it('keeps a clearly marked "Channel subscriptions" section that says how to start one', async () => {
    const texts = visibleTexts((await openHome(h)).view).join('\n');
    expect(texts).toContain('Channel subscriptions');
    expect(texts).toContain(
      'No channel in this workspace gets the weekly lesson yet. Type `/lessons subscribe` in a channel to start one.',
    );
  });
});

describe('App Home with subscriptions', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness({
      listSubscriptions: async ({ userId }) =>
        userId === 'U123'
          ? [
              {
                channelId: 'C0TEAM1',
                schedule: 'Mondays at 09:00 (Europe/London)',
                focus: 'themes: neglect',
              },
            ]
          : [],
    });
  });
  afterAll(() => h.close());

  it('lists the channels it is given', async () => {
    const view = (await openHome(h, 'U123')).view;
    expect(blockKitProblems(view, { surface: 'home', channels: ['C0TEAM1'] })).toEqual([]);
    const texts = visibleTexts(view).join('\n');
    expect(texts).toContain('<#C0TEAM1> — Mondays at 09:00 (Europe/London) · themes: neglect');
    expect(texts).not.toContain('No channel in this workspace gets the weekly lesson yet.');
  });
});
