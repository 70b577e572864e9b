import { describe, expect, it } from 'vitest';
import { lesson, notAvailable, replies } from '../../../test/fixtures/slack/replies.ts';
import { deepFreeze } from '../../../test/helpers/deep-freeze.ts';
import { blockKitProblems, visibleTexts } from '../../../test/helpers/slack-blocks.ts';
import type { Reply } from '../../core/index.ts';
import { decodeAction } from './action-value.ts';
import { renderReply, renderSharedLesson } from './render-blocks.ts';

const kinds = Object.keys(replies) as Reply['kind'][];

function buttons(message: ReturnType<typeof renderReply>) {
  return message.blocks.flatMap((b) => [
    ...(b.type === 'actions' ? b.elements : []),
    ...(b.type === 'section' && b.accessory ? [b.accessory] : []),
  ]);
}

describe('renderReply', () => {
  it.each(kinds)('renders a %s reply', (kind) => {
    const message = renderReply(replies[kind]);
    expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
    expect(message).toMatchSnapshot();
  });

  // A repeated question's answer is one shared Reply (core's recent answers).
  it.each(kinds)('renders a %s reply without changing it, once for the same object', (kind) => {
    const reply = deepFreeze(structuredClone(replies[kind]));
    const message = renderReply(reply);
    expect(message).toEqual(renderReply(replies[kind]));
    expect(renderReply(reply)).toBe(message);
    expect(renderReply(reply, '/other')).not.toBe(message);
  });

  it('renders the core’s not_available error as a friendly warning', () => {
    const message = renderReply(notAvailable);
    expect(message.blocks).toHaveLength(1);
    expect(visibleTexts(message).join('\n')).toContain('works in a Slack or Teams channel');
  });

  it('gives each result Share and Full lesson buttons, and the page a More button', () => {
    const actions = buttons(renderReply(replies.results)).map((b) => ({
      label: b.text.text,
      action: decodeAction(b.value),
    }));
    expect(actions).toEqual([
      { label: 'Share to channel', action: { kind: 'share', id: 'example-child-a/1' } },
      { label: 'Full lesson', action: { kind: 'lesson', id: 'example-child-a/1' } },
      { label: 'Share to channel', action: { kind: 'share', id: 'example-child-a/2' } },
      { label: 'Full lesson', action: { kind: 'lesson', id: 'example-child-a/2' } },
      { label: 'More results', action: { kind: 'more', query: 'chronologies', offset: 2 } },
    ]);
  });

  it('says briefly why a result matched', () => {
    const texts = visibleTexts(renderReply(replies.results));
    expect(texts).toContain("Matched: chronology (from 'chronologies')");
    expect(texts.filter((t) => t.startsWith('Matched:'))).toHaveLength(1);
  });

  it('links the review in a "review · area · year" line, and escapes corpus text', () => {
    const texts = visibleTexts(renderReply(replies.results)).join('\n');
    expect(texts).toContain(
      '<https://example.org/reviews/child-a.pdf|Child A · Exampleshire · 2021>',
    );
    expect(texts).toContain('*1. Keep a chronology &amp; read it*');
    // The second lesson's review has no URL: the same line, unlinked.
    expect(texts).toContain('Child A · Exampleshire · 2021');
  });

  it('prefixes help examples with the slash command', () => {
    const texts = visibleTexts(renderReply(replies.help)).join('\n');
    expect(texts).toContain('`/lessons lessons on chronologies`');
    expect(texts).toContain('`/lessons themes`');
  });

  it.each([
    '<!channel> neglect',
    '<@U123> neglect',
    '<https://x|click> here',
    '<!here|here>',
    'A&E &amp; <#C1>',
  ])('never turns the query %j into a mention or a link', (query) => {
    const reply: Reply = {
      kind: 'results',
      query,
      heading: `Lessons for “${query}”`,
      total: 1,
      offset: 0,
      lessons: [lesson],
      more: null,
      notices: [{ kind: 'corrected', text: query }],
    };
    const noMatch: Reply = { kind: 'no-results', query, suggestions: [], notices: [] };
    for (const message of [renderReply(reply), renderReply(noMatch)]) {
      expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
      const mrkdwn = visibleTexts(message).join('\n');
      expect(mrkdwn).not.toMatch(/<[!@#]/);
      expect(mrkdwn).not.toContain('<https://x|');
    }
  });
});

describe('renderSharedLesson', () => {
  it('says who shared the lesson and shows it in full, without buttons', () => {
    const message = renderSharedLesson(lesson, 'U123ABC');
    expect(blockKitProblems(message, { surface: 'message', mentions: ['U123ABC'] })).toEqual([]);
    expect(visibleTexts(message)[1]).toContain('Shared by <@U123ABC>');
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message).toMatchSnapshot();
  });

  it('mentions nobody when the user id is not one Slack would send', () => {
    const message = renderSharedLesson(lesson, '!channel');
    expect(visibleTexts(message).join('\n')).not.toMatch(/<[!@]/);
  });
});
