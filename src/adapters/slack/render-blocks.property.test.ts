import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deliveryReplyArb,
  lessonArb,
  outgoingArb,
  replyArb,
  reviewArb,
  textArb,
} from '../../../test/fixtures/slack/arbitraries.ts';
import { blockKitProblems } from '../../../test/helpers/slack-blocks.ts';
import { decodeAction } from './action-value.ts';
import { cleanText, decodeSlackText, escapeMrkdwn, escapeTrim } from './mrkdwn.ts';
import { renderOutgoing, renderReply, renderSharedLesson } from './render-blocks.ts';
import { renderHome } from './render-home.ts';

// FC_RUNS=5000 for a longer hunt before a release.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

describe('renderReply with random, huge and hostile replies', () => {
  it('stays inside every Block Kit limit and never mentions or links anything it should not', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        expect(blockKitProblems(renderReply(reply), { surface: 'message' })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('only sends buttons whose value decodes to an action', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        for (const block of renderReply(reply).blocks) {
          const elements =
            block.type === 'actions'
              ? block.elements
              : block.type === 'section' && block.accessory
                ? [block.accessory]
                : [];
          for (const b of elements) expect(decodeAction(b.value)).not.toBeNull();
        }
      }),
      RUNS,
    );
  });
});

/** Every button value of a message decodes, and an acknowledgement names a real row. */
function expectButtonsDecode(message: ReturnType<typeof renderReply>) {
  for (const block of message.blocks) {
    const elements =
      block.type === 'actions'
        ? block.elements
        : block.type === 'section' && block.accessory
          ? [block.accessory]
          : [];
    for (const b of elements) {
      const action = decodeAction(b.value);
      expect(action).not.toBeNull();
      if (action?.kind === 'ack') expect(action.deliveryId.trim()).not.toBe('');
    }
  }
}

describe('the store-backed replies and the posted cards, for any input', () => {
  it('keep subscription, preview, publish and report answers inside every limit', () => {
    fc.assert(
      fc.property(deliveryReplyArb, (reply) => {
        const message = renderReply(reply);
        expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
        expectButtonsDecode(message);
      }),
      RUNS,
    );
  });

  it('keep weekly briefings and announcements inside every limit, buttons readable', () => {
    fc.assert(
      fc.property(outgoingArb, (outgoing) => {
        const message = renderOutgoing(outgoing);
        expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
        expectButtonsDecode(message);
      }),
      RUNS,
    );
  });

  it('never offers "Discussed in our team" on a preview', () => {
    fc.assert(
      fc.property(deliveryReplyArb, (reply) => {
        if (reply.kind !== 'briefing') return;
        const preview = { ...reply, briefing: { ...reply.briefing, deliveryId: '' } };
        expect(JSON.stringify(renderReply(preview).blocks)).not.toContain('"kind":"ack"');
      }),
      RUNS,
    );
  });
});

describe('renderSharedLesson', () => {
  it('stays inside the limits for any lesson and mentions only the sharer', () => {
    fc.assert(
      fc.property(lessonArb, (lesson) => {
        const message = renderSharedLesson(lesson, 'U0123ABCD');
        expect(blockKitProblems(message, { surface: 'message', mentions: ['U0123ABCD'] })).toEqual(
          [],
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('renderHome', () => {
  it('stays inside the Home tab limits for any corpus and any subscriptions', () => {
    const data = fc.record({
      howToAsk: fc.array(
        fc.record({
          title: textArb(200),
          lines: fc.array(textArb(2000), { maxLength: 4 }),
          examples: fc.array(textArb(200), { maxLength: 8 }),
        }),
        { maxLength: 6 },
      ),
      themes: fc.array(
        fc.record({
          id: textArb(50),
          label: textArb(80),
          description: textArb(200),
          count: fc.nat(1000),
        }),
        { maxLength: 200 },
      ),
      reviews: fc.array(reviewArb, { maxLength: 20 }),
      subscriptions: fc.array(
        fc.record({
          channelId: fc.oneof(fc.constant('C0123ABC'), textArb(40)),
          schedule: textArb(300),
          focus: textArb(400),
        }),
        { maxLength: 300 },
      ),
    });
    fc.assert(
      fc.property(data, (d) => {
        const view = renderHome(d, '/lessons');
        // Channel links are allowed only for the channels the subscriptions name.
        const channels = d.subscriptions.map((s) => s.channelId);
        expect(blockKitProblems(view, { surface: 'home', channels })).toEqual([]);
        expect(JSON.stringify(view.blocks).length).toBeLessThan(24_000);
      }),
      { numRuns: 150 },
    );
  });
});

describe('escaping', () => {
  it('round-trips: what Slack decodes is what was written, less control characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (s) => decodeSlackText(escapeMrkdwn(s)) === cleanText(s),
      ),
    );
    expect(decodeSlackText(escapeMrkdwn('<!channel> & <@U1>'))).toBe('<!channel> & <@U1>');
  });

  it('escapeTrim never exceeds its limit nor splits an entity', () => {
    fc.assert(
      fc.property(textArb(3000), fc.integer({ min: 2, max: 4000 }), (s, max) => {
        const out = escapeTrim(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(out).not.toMatch(/[<>]/);
      }),
    );
  });
});
