import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../src/adapters/teams/card/budget.ts';
import { draftTextMessages, renderDraftCard } from '../../src/adapters/teams/card/draft-card.ts';
import type { DraftReply } from '../../src/core/index.ts';
import { draftReplies } from '../fixtures/import/draft-replies.ts';
import { cardSchemaErrors } from '../helpers/teams-card-schema.ts';

type CardReply = Exclude<DraftReply, { kind: 'draft-text' }>;
const cardKinds = Object.keys(draftReplies).filter(
  (kind) => kind !== 'draft-text',
) as CardReply['kind'][];

describe('renderDraftCard', () => {
  it.each(cardKinds)('renders a %s answer as a valid Adaptive Card', (kind) => {
    const card = renderDraftCard(draftReplies[kind] as CardReply);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('escapes what the draft holds, and fits Teams even with hostile lengths', () => {
    const base = draftReplies.draft as Extract<DraftReply, { kind: 'draft' }>;
    const huge = 'x'.repeat(50_000);
    const card = renderDraftCard({
      kind: 'draft',
      card: {
        ...base.card,
        title: huge,
        lessons: Array.from({ length: 10 }, () => ({ title: huge, start: huge })),
        problems: Array.from({ length: 500 }, () => `[link](https://example.org) ${huge}`),
      },
    });
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).not.toContain('[link](https');
  });
});

describe('draftTextMessages', () => {
  it('hands the draft back in code blocks that a backtick in it cannot close', () => {
    const text = 'id: x\ntitle: "```a```"\n';
    const [intro, code] = draftTextMessages({
      kind: 'draft-text',
      id: 'x',
      fileName: 'x.yaml',
      text,
    });
    expect(intro).toContain('save it as x.yaml');
    expect(code).toBe(`\`\`\`\`\n${text}\n\`\`\`\``);
  });

  it('splits a long draft into messages under Teams’ size', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `  - line ${i} of a fictional draft`).join(
      '\n',
    );
    const parts = draftTextMessages({
      kind: 'draft-text',
      id: 'x',
      fileName: 'x.yaml',
      text,
    }).slice(1);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThan(28 * 1024);
    expect(parts.map((p) => p.slice(4, -4)).join('\n')).toBe(text);
  });
});
