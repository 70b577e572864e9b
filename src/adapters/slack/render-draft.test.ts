import { describe, expect, it } from 'vitest';
import { draftReplies } from '../../../test/fixtures/import/draft-replies.ts';
import { blockKitProblems } from '../../../test/helpers/slack-blocks.ts';
import { readDraftAction } from '../../core/index.ts';
import { renderChatImport } from './render-draft.ts';

describe('renderChatImport', () => {
  it.each(Object.keys(draftReplies))('renders a %s answer within Block Kit’s limits', (kind) => {
    const messages = renderChatImport(draftReplies[kind as keyof typeof draftReplies]);
    for (const message of messages)
      if (message.blocks.length > 0)
        expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
    expect(messages).toMatchSnapshot();
  });

  it('escapes what the draft holds, and its buttons carry actions that read back', () => {
    const [card] = renderChatImport(draftReplies.draft);
    const json = JSON.stringify(card);
    expect(json).not.toContain('<b>');
    expect(json).toContain('… and 2 more in the draft');
    const values = (card?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(values.map((b) => readDraftAction(JSON.parse(b.value)))).toEqual([
      { kind: 'draft-approve', id: 'anytown-child-t' },
      { kind: 'draft-edit', id: 'anytown-child-t' },
      { kind: 'draft-discard', id: 'anytown-child-t' },
    ]);
  });

  it('hands a long draft back in parts, each a code block, none over Slack’s message size', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `  - line ${i} of a fictional draft`).join(
      '\n',
    );
    const messages = renderChatImport({ kind: 'draft-text', id: 'x', fileName: 'x.yaml', text });
    expect(messages.length).toBeGreaterThan(3);
    const parts = messages.slice(1).map((m) => m.text);
    for (const part of parts) {
      expect(part.length).toBeLessThan(40_000);
      expect(part.startsWith('```') && part.endsWith('```')).toBe(true);
    }
    expect(parts.map((p) => p.slice(3, -3)).join('\n')).toBe(text);
  });
});
