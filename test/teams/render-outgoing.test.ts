import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../src/adapters/teams/card/budget.ts';
import { renderCard, renderOutgoingCard } from '../../src/adapters/teams/index.ts';
import type { Reply } from '../../src/core/index.ts';
import { ALLOWED_TYPES, cardSchemaErrors, typesIn } from '../helpers/teams-card-schema.ts';
import { BRIEFING, OUTGOING, REPLIES } from '../helpers/teams-replies.ts';

function expectSendable(card: unknown) {
  expect(cardSchemaErrors(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  for (const type of typesIn(card)) expect(ALLOWED_TYPES).toContain(type);
}

/** The card's texts and button titles, in order, and the Submit buttons' actions. */
function readCard(card: unknown) {
  const texts: string[] = [];
  const submits: { title: string; action: unknown; text: unknown }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (typeof r.text === 'string') texts.push(r.text);
      if (typeof r.title === 'string') texts.push(r.title);
      if (typeof r.value === 'string') texts.push(r.value);
      if (r.type === 'Action.Submit') {
        const data = (r.data as { lessonsBot: { action?: unknown; text?: unknown } }).lessonsBot;
        submits.push({ title: String(r.title), action: data.action, text: data.text });
      }
      for (const [key, value] of Object.entries(r)) if (key !== 'data') walk(value);
    }
  };
  walk(card);
  return { text: texts.join('\n'), submits };
}

describe('renderOutgoingCard', () => {
  for (const [name, message] of Object.entries(OUTGOING)) {
    it(`renders the ${name} card as a valid Adaptive Card 1.5`, () => {
      const card = renderOutgoingCard(message);
      expect(card.version).toBe('1.5');
      expectSendable(card);
      expect(card).toMatchSnapshot();
    });
  }

  it('shows the lesson of the week with its review, what happened and questions for the team', () => {
    const { text, submits } = readCard(renderOutgoingCard(OUTGOING.briefing));
    expect(text).toContain('Lesson of the week');
    expect(text).toContain(BRIEFING.lesson.title);
    expect(text).toContain('Child R · Southwark · 2015');
    expect(text).toContain('What happened');
    expect(text).toContain('Questions for your team\n1. Is our chronology up to date');
    expect(text).toContain('Themes: Chronologies, Case recording');
    expect(text).toContain('Open the review');
    expect(submits).toEqual([
      {
        title: 'Save our plan',
        action: { kind: 'plan', deliveryId: 'd-briefing-1' },
        text: undefined,
      },
      {
        title: 'Discussed by this team (2 confirmed)',
        action: { kind: 'ack', deliveryId: 'd-briefing-1' },
        text: undefined,
      },
      {
        title: 'More on this theme',
        action: { kind: 'theme', id: 'chronologies', label: 'Chronologies' },
        text: undefined,
      },
    ]);
  });

  it('announces a review with three key lessons, "See all N lessons" and the count', () => {
    const { text, submits } = readCard(renderOutgoingCard(OUTGOING.announcement));
    expect(text).toContain('New review published');
    expect(text).toContain('Southwark · published June 2015 · Serious case review');
    expect(text).toContain('Key lessons');
    expect(submits.map((s) => s.title)).toEqual([
      'Discussed by this team (1 confirmed)',
      'See all 2 lessons',
    ]);
    expect(submits[1]?.action).toEqual({ kind: 'review', id: 'southwark-child-r' });
  });

  it('shows corpus text as written, never as Markdown or a mention', () => {
    const hostile = {
      kind: 'briefing' as const,
      briefing: {
        ...BRIEFING,
        lesson: { ...BRIEFING.lesson, title: '[click](https://evil.example) **now**' },
        questions: ['<at>everyone</at> # heading'],
      },
    };
    const card = renderOutgoingCard(hostile);
    // A tooltip is plain text in every renderer (shown on hover, read by screen readers):
    // it says the title as written, and is the one place Markdown is not escaped.
    const tooltips: string[] = [];
    const json = JSON.stringify(card, (key, value: unknown) => {
      if (key !== 'tooltip') return value;
      tooltips.push(String(value));
      return undefined;
    });
    expect(json).not.toContain('[click](');
    expect(json).toContain('\\\\[click\\\\]');
    expect(tooltips).toContain('Save our plan for: [click](https://evil.example) **now**');
  });
});

describe('the store-backed replies', () => {
  it('previews the briefing without a "Discussed in our team" button, saying when it comes', () => {
    const { text, submits } = readCard(renderCard(REPLIES['briefing-preview'] as Reply));
    expect(text).toContain('Preview: lesson of the week');
    expect(text).toContain('It will be posted here on Tuesday 24 November 2026, 10:30');
    expect(submits.map((s) => s.title)).toEqual(['More on this theme']);
  });

  it('confirms a subscription, with one-tap buttons only for safe next steps', () => {
    const { text, submits } = readCard(renderCard(REPLIES.subscription as Reply));
    expect(text).toContain('The first comes on Tuesday 24 November 2026, 10:30 (Europe/London).');
    expect(text).toContain('You can also type: unsubscribe');
    expect(submits).toEqual([
      { title: 'preview', action: undefined, text: 'preview' },
      { title: 'subscription', action: undefined, text: 'subscription' },
    ]);
  });

  it('lists the channels a publish could not reach, and each channel of a report', () => {
    expect(readCard(renderCard(REPLIES.published as Reply)).text).toContain(
      'Old team › General\nTeams: HTTP 403 BotNotInConversationRoster',
    );
    expect(readCard(renderCard(REPLIES.report as Reply)).text).toContain(
      'Early Help › Safeguarding\nTeams: 4 weekly lessons · 1 announcement · discussed 3 posts · 1 plan · last 2026-11-24',
    );
  });

  it('shows a report’s reviews: the sentence, then the funnel as facts, and the reviews left out', () => {
    const body = renderCard(REPLIES.report as Reply).body as unknown as Record<string, unknown>[];
    const at = body.findIndex((e) => String(e.text).startsWith('The learning from Child R'));
    expect(body[at]?.text).toBe(
      'The learning from Child R reached 23 teams; 17 discussed it; 9 planned a change; 5 report a change in practice.',
    );
    expect(body[at + 1]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Teams reached', value: '23' },
        { title: 'Discussed it', value: '17 of 23 (74%)' },
        { title: 'Planned a change', value: '9 of 23 (39%)' },
        { title: 'Changed practice (fully or in part)', value: '5 of 23 (22%)' },
      ],
    });
    expect(readCard(body).text).toContain('… and 4 more reviews in the full report.');
  });

  it('fits many long reviews in the card budget, counting every review it leaves out', () => {
    const report = REPLIES.report as Extract<Reply, { kind: 'report' }>;
    const title = `Child ${'R'.repeat(190)}`;
    const review = {
      title,
      sentence: `The learning from ${title} reached 23 teams; 17 discussed it; 9 planned a change; 5 report a change in practice.`,
      stages: report.report.reviews[0]?.stages ?? [],
    };
    const many = { ...report, report: { ...report.report, reviews: Array(200).fill(review) } };
    const card = renderCard(many);
    expectSendable(card);
    const funnels = (card.body as unknown as Record<string, unknown>[]).filter(
      (e) => e.type === 'FactSet',
    );
    // every FactSet but the channels' one is a review's funnel
    const shown = funnels.length - 1;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(200);
    expect(readCard(card).text).toContain(
      `… and ${200 + 4 - shown} more reviews in the full report.`,
    );
    expect(readCard(card).text).toContain('17 of 23 (74%)');
  });
});
