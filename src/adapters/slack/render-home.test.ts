import { describe, expect, it } from 'vitest';
import { replies, review } from '../../../test/fixtures/slack/replies.ts';
import { blockKitProblems, visibleTexts } from '../../../test/helpers/slack-blocks.ts';
import { type HomeData, renderHome } from './render-home.ts';

const help = replies.help.kind === 'help' ? replies.help.sections : [];
const themes = replies.themes.kind === 'themes' ? replies.themes.themes : [];

const data: HomeData = { howToAsk: help, themes, reviews: [review], subscriptions: [] };

describe('renderHome', () => {
  it('renders the Home tab with an empty, clearly marked subscriptions section', () => {
    const view = renderHome(data, '/lessons');
    expect(blockKitProblems(view, { surface: 'home' })).toEqual([]);
    expect(visibleTexts(view).join('\n')).toContain(
      'No channel in this workspace gets the weekly lesson yet. Type `/lessons subscribe` in a channel to start one.',
    );
    expect(view).toMatchSnapshot();
  });

  it('lists the subscribed channels it is given', () => {
    const view = renderHome(
      {
        ...data,
        subscriptions: [
          { channelId: 'C0TEAM1', schedule: 'Mondays at 09:00 (Europe/London)', focus: '' },
        ],
      },
      '/lessons',
    );
    const texts = visibleTexts(view).join('\n');
    expect(texts).toContain('• <#C0TEAM1> — Mondays at 09:00 (Europe/London)');
    expect(texts).not.toContain('No channel in this workspace gets the weekly lesson yet.');
  });

  it('says when each channel gets its next lesson, and which ones are paused or stopped and why', () => {
    const view = renderHome(
      {
        ...data,
        subscriptions: [
          {
            channelId: 'C0TEAM1',
            schedule: 'every Tuesday at 10:30 (Europe/London)',
            focus: 'themes: Neglect',
            nextPost: 'Tuesday 24 November 2026, 10:30 (Europe/London)',
          },
          {
            channelId: 'not-an-id',
            label: '#old-team',
            schedule: 'every Monday at 09:00 (Europe/London)',
            focus: '',
            stopped: 'is_archived',
          },
          {
            channelId: 'C0NEWTEAM',
            schedule: 'every Monday at 09:00 (Europe/London)',
            focus: '',
            paused: 'not_in_channel',
          },
        ],
      },
      '/lessons',
    );
    const texts = visibleTexts(view).join('\n');
    expect(texts).toContain(
      '• <#C0TEAM1> — every Tuesday at 10:30 (Europe/London) · themes: Neglect · next: Tuesday 24 November 2026, 10:30 (Europe/London)',
    );
    expect(texts).toContain(
      '• #old-team — every Monday at 09:00 (Europe/London) · stopped (is_archived)',
    );
    expect(texts).toContain(
      '• <#C0NEWTEAM> — every Monday at 09:00 (Europe/London) · paused until the bot is invited: `/invite @lessons-bot` (not_in_channel)',
    );
  });

  it('escapes a channel id that is not one Slack would give', () => {
    const view = renderHome(
      { ...data, subscriptions: [{ channelId: '!channel>', schedule: 'x', focus: '' }] },
      '/lessons',
    );
    expect(visibleTexts(view).join('\n')).toContain('• !channel&gt; — x');
  });
});
