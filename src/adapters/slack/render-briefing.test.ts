import { describe, expect, it } from 'vitest';
import { announcement, briefing, outgoing, replies } from '../../../test/fixtures/slack/replies.ts';
import {
  blockKitProblems,
  buttonActions,
  visibleTexts,
} from '../../../test/helpers/slack-blocks.ts';
import type { Reply } from '../../core/index.ts';
import { renderOutgoing, renderReply } from './render-blocks.ts';

describe('renderOutgoing', () => {
  it.each(Object.keys(outgoing) as (keyof typeof outgoing)[])('renders the %s card', (name) => {
    const message = renderOutgoing(outgoing[name]);
    expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
    expect(message).toMatchSnapshot();
  });

  it('shows the lesson of the week, its review, what happened and questions for the team', () => {
    const texts = visibleTexts(renderOutgoing({ kind: 'briefing', briefing })).join('\n');
    expect(texts).toContain('Lesson of the week');
    expect(texts).toContain('*Keep a chronology &amp; read it*');
    expect(texts).toContain(
      '<https://example.org/reviews/child-a.pdf|Child A · Exampleshire · 2021>',
    );
    expect(texts).toContain('*What happened*\nChild A was known to several agencies.');
    expect(texts).toContain('*Questions for your team*\n1. When did I last read');
    expect(texts).toContain('Themes: Chronologies, Neglect');
  });

  it('counts acknowledgements on the button that records them, and offers more on the theme', () => {
    const buttons = buttonActions(renderOutgoing({ kind: 'briefing', briefing }));
    expect(buttons).toEqual([
      {
        label: 'Discussed by this team (3 confirmed)',
        action: { kind: 'ack', deliveryId: 'd-briefing-1' },
      },
      {
        label: 'What will we do differently?',
        action: { kind: 'plan', deliveryId: 'd-briefing-1' },
      },
      {
        label: 'More on this theme',
        action: { kind: 'theme', id: 'chronologies', label: 'Chronologies' },
      },
    ]);
    const none = buttonActions(renderOutgoing(outgoing['briefing-no-acknowledgements-yet']));
    expect(none.map((b) => b.label)).toEqual([
      'Discussed in our team',
      'What will we do differently?',
    ]);
  });

  it('announces a review with its key lessons, a link and all its lessons', () => {
    const message = renderOutgoing({ kind: 'announcement', announcement });
    const texts = visibleTexts(message).join('\n');
    expect(message.text).toBe('New review published: Child A (Exampleshire)');
    expect(texts).toContain('Exampleshire · published March 2021');
    expect(texts).toContain('*Key lessons*\n• *Keep a chronology &amp; read it*');
    expect(texts).toContain('<https://example.org/reviews/child-a.pdf|Read the full review>');
    expect(buttonActions(message)).toEqual([
      { label: 'Discussed in our team', action: { kind: 'ack', deliveryId: 'd-broadcast-1' } },
      { label: 'See all 2 lessons', action: { kind: 'review', id: 'example-child-a' } },
    ]);
  });

  it('escapes corpus text, so a lesson cannot mention the channel', () => {
    const hostile = {
      ...briefing,
      lesson: { ...briefing.lesson, title: '<!channel> look', text: '<@U1> & <https://x|y>' },
      whatHappened: '<!here>',
      questions: ['<!everyone>?'],
    };
    const message = renderOutgoing({ kind: 'briefing', briefing: hostile });
    expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
    expect(visibleTexts(message).join('\n')).not.toMatch(/<[!@]/);
  });
});

const report = replies.report as Extract<Reply, { kind: 'report' }>;

describe('the store-backed replies', () => {
  it('previews privately, without a "Discussed in our team" button, saying when it will be posted', () => {
    const message = renderReply(replies.briefing);
    const texts = visibleTexts(message).join('\n');
    expect(texts).toContain('Preview: lesson of the week');
    expect(texts).toContain(
      'Only you can see this preview. It will be posted in this channel on Tuesday 24 November 2026, 10:30',
    );
    expect(buttonActions(message).map((b) => b.action.kind)).toEqual(['theme']);
  });

  it('confirms a subscription with its next post and the commands to try next', () => {
    const texts = visibleTexts(renderReply(replies.subscription)).join('\n');
    expect(texts).toContain('The first comes on Tuesday 24 November 2026, 10:30 (Europe/London).');
    expect(texts).toContain(
      '`/lessons preview` · `/lessons subscription` · `/lessons unsubscribe`',
    );
  });

  it('lists the channels a publish could not reach', () => {
    const texts = visibleTexts(renderReply(replies.published)).join('\n');
    expect(texts).toContain('• #old-team (Slack): is_archived');
    expect(texts).toContain('• Early Help › General (Teams): HTTP 400');
  });

  it('reports each channel on two short lines, and how many were left out', () => {
    const texts = visibleTexts(renderReply(replies.report)).join('\n');
    expect(texts).toContain(
      '*#early-help* · Slack\n4 weekly lessons · 1 announcement · discussed 3 posts · 1 plan · last 2026-11-24',
    );
    expect(texts).toContain(
      '*Health visiting › General* · Teams · paused (not_in_channel)\n1 weekly lesson',
    );
    expect(texts).toContain('1 more channel: `lessons-bot report --format html` lists them all.');
  });

  it('shows each review’s sentence with its funnel as label–value fields, and the reviews left out', () => {
    const message = renderReply(replies.report);
    const funnels = message.blocks.flatMap((b) =>
      b.type === 'section' && b.fields ? [[b.text.text, ...b.fields.map((f) => f.text)]] : [],
    );
    expect(funnels).toEqual([
      [
        'The learning from Child A reached 3 teams; 2 discussed it; 1 planned a change; none has yet reported a change in practice.',
        '*Teams reached*',
        '3',
        '*Discussed it*',
        '2 of 3 (67%)',
        '*Planned a change*',
        '1 of 3 (33%)',
        '*Changed practice (fully or in part)*',
        '0 of 3 (0%)',
      ],
      [
        'The learning from Child &lt;B&gt; &amp; the “hidden” father reached 1 team; 1 discussed it; 1 planned a change; 1 reports a change in practice.',
        '*Teams reached*',
        '1',
        '*Discussed it*',
        '1 of 1 (100%)',
        '*Planned a change*',
        '1 of 1 (100%)',
        '*Changed practice (fully or in part)*',
        '1 of 1 (100%)',
      ],
    ]);
    expect(visibleTexts(message)).toContain('… and 2 more reviews in the full report.');
  });

  it('says the report’s headline once in the blocks, and what it is in the notification text', () => {
    const message = renderReply(report);
    const inBlocks = visibleTexts({ blocks: message.blocks });
    expect(inBlocks.filter((t) => t.includes(report.text))).toHaveLength(1);
    expect(inBlocks[0]).toBe('Dissemination report');
    expect(message.text).toBe(`Dissemination report: ${report.text}`);
  });

  it('keeps the numbers of a review with a long title whole, in the sentence and the fields', () => {
    const title = `Child ${'&'.repeat(194)}`;
    const stages = [
      { label: 'Teams reached', count: 1234 },
      { label: 'Discussed it', count: 1233 },
    ];
    const sentence = `The learning from ${title} reached 1234 teams; 1233 discussed it; 0 planned a change; none has yet reported a change in practice.`;
    const reply = {
      ...report,
      report: { ...report.report, reviews: [{ title, sentence, stages }] },
    };
    const texts = visibleTexts(renderReply(reply));
    expect(texts.find((t) => t.startsWith('The learning from'))).toMatch(
      /reached 1234 teams; 1233 discussed it; .* practice\.$/,
    );
    expect(texts).toContain('1233 of 1234 (100%)');
  });
});
