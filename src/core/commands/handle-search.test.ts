import { describe, expect, it } from 'vitest';
import { realDeps } from '../../../test/helpers/real-deps.ts';
import type { Reply } from '../model/index.ts';
import { handleCommand } from './handle-command.ts';
import { helpReply } from './help-text.ts';
import { parseCommand } from './parse-command.ts';

const ask = async (text: string): Promise<Reply> =>
  handleCommand(parseCommand(text), await realDeps(), { isAdmin: false });

describe('handleSearch', () => {
  it('says why each lesson matched', async () => {
    const reply = await ask('lessons on chronologies');
    if (reply.kind !== 'results') throw new Error(`expected results, got ${reply.kind}`);
    expect(reply.lessons[0]?.matched).toEqual(["chronology (from 'chronologies')"]);
  });

  it('does not repeat the words of a question that holds case details', async () => {
    const reply = await ask('chronologies for Jane Doe born 12/03/2015');
    if (reply.kind !== 'results') throw new Error(`expected results, got ${reply.kind}`);
    expect(reply.query).toBe('');
    expect(reply.lessons[0]?.matched).toEqual(['chronology']);
  });

  it('names a topic of the field that no review here covers, with nothing unrelated', async () => {
    const reply = await ask('FGM');
    expect(reply).toMatchObject({ kind: 'no-results', suggestions: [] });
    if (reply.kind !== 'no-results') return;
    expect(reply.notices).toContainEqual({
      kind: 'info',
      text: '“FGM” is a topic of the field; none of the 4 reviews here has a lesson on it yet.',
    });
  });

  it('shows the lessons on the rest of a question that names an uncovered topic', async () => {
    const reply = await ask('county lines and children going missing');
    if (reply.kind !== 'results') throw new Error(`expected results, got ${reply.kind}`);
    expect(reply.lessons.map((l) => l.id)).toEqual(['southwark-child-r/10']);
    expect(reply.notices.map((n) => n.text)).toContain(
      '“county lines” is a topic of the field; none of the 4 reviews here has a lesson on it yet.',
    );
  });

  it('says which words no lesson uses, when the rest found lessons', async () => {
    const reply = await ask('flibbertigibbet sexual exploitation');
    if (reply.kind !== 'results') throw new Error(`expected results, got ${reply.kind}`);
    expect(reply.notices.map((n) => n.text)).toContain(
      'No lesson uses “flibbertigibbet”; these lessons match the rest of the question.',
    );
  });
});

describe('review names and what a case review is', () => {
  it('finds a review by a name people use for it', async () => {
    for (const text of ['review Baby P', 'review Peter Connelly']) {
      expect(await ask(text), text).toMatchObject({
        kind: 'review',
        review: { id: 'haringey-baby-peter' },
      });
    }
  });

  it('explains the reviews of all four nations', () => {
    const reply = helpReply('about', false);
    if (reply.kind !== 'help') throw new Error('expected help');
    const text = reply.sections.flatMap((s) => s.lines).join('\n');
    for (const words of [
      'local child safeguarding practice reviews',
      'serious case reviews',
      'child practice reviews',
      'single unified safeguarding reviews',
      'October 2024',
      'Scotland: learning reviews',
      'Northern Ireland: case management reviews',
    ]) {
      expect(text).toContain(words);
    }
  });
});
