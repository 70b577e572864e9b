/**
 * `/lessons` over HTTP, through the front door: signed slash commands POSTed to the real
 * Bolt app on 127.0.0.1, answered from the real corpus in the ack itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitProblems, sharedLessonIds, visibleTexts } from '../helpers/slack-blocks.ts';
import {
  type HttpHarness,
  realDeps,
  startBrokenSearchHarness,
  startHttpHarness,
} from '../helpers/slack-harness.ts';
import { slashCommand } from '../helpers/slack-signing.ts';

interface Answer {
  response_type: string;
  text: string;
  blocks: unknown[];
}

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(() => h.close());

async function ask(text: string): Promise<Answer> {
  const res = await slashCommand(h.eventsUrl, { text, response_url: h.api.responseUrl() });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

function chronologyLessonIds(deps: Awaited<ReturnType<typeof realDeps>>): string[] {
  return deps.corpus.lessons.filter((l) => l.themes.includes('chronologies')).map((l) => l.id);
}

describe('/lessons over HTTP', () => {
  it('answers "lessons on chronologies" privately with the chronology lessons, in time', async () => {
    const started = Date.now();
    const answer = await ask('lessons on chronologies');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.response_type).toBe('ephemeral');
    expect(blockKitProblems(answer, { surface: 'message' })).toEqual([]);

    const deps = await realDeps();
    const tagged = chronologyLessonIds(deps);
    const shown = sharedLessonIds(answer);
    expect(shown).toHaveLength(3);
    for (const id of shown) expect(tagged).toContain(id);
    const texts = visibleTexts(answer).join('\n');
    for (const id of shown) {
      const title = deps.corpus.lessonById.get(id)?.title ?? '(missing)';
      expect(texts).toContain(
        `. ${title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}*`,
      );
    }
    expect(texts).toContain('More results');
  });

  it.each([
    '<!channel>',
    '<!channel> neglect',
    '<@U999> neglect',
    '<https://x.example|click> neglect',
    '&lt;!here&gt; neglect',
  ])('never mentions anyone or links anywhere for %j', async (text) => {
    const answer = await ask(text);
    expect(blockKitProblems(answer, { surface: 'message' })).toEqual([]);
    const shown = visibleTexts(answer).join('\n');
    expect(shown).not.toMatch(/<[!@#]/);
    expect(shown).not.toContain('<https://x.example');
  });

  it.each(['', 'help'])(
    'shows how to ask for %j, with examples typed as /lessons …',
    async (text) => {
      const answer = await ask(text);
      const shown = visibleTexts(answer).join('\n');
      expect(shown).toContain('`/lessons lessons on chronologies`');
      expect(shown).toContain('`/lessons themes`');
    },
  );

  it('renders the core’s not_available answer for subscription commands', async () => {
    const answer = await ask('subscribe tue 10:30');
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleTexts(answer).join('\n')).toContain(':warning:');
  });

  it('offers themes to try when nothing matches', async () => {
    const answer = await ask('zzzqqq xylophone');
    expect(visibleTexts(answer).join('\n')).toContain('No lessons match');
  });

  it('never logs the question', async () => {
    const secret = 'chronologies for Jane Doe';
    await ask(secret);
    expect(JSON.stringify(h.logger.lines)).not.toContain('Jane Doe');
    expect(
      h.logger.lines.some((l) => l.message === 'slack command' && l.fields.command === 'search'),
    ).toBe(true);
  });
});

describe('/lessons when something breaks', () => {
  it('answers with a friendly message, not a timeout or a stack trace', async () => {
    const broken = await startBrokenSearchHarness(
      () => new Error('index exploded at /srv/app/search.ts:12'),
    );
    try {
      const res = await slashCommand(broken.eventsUrl, {
        text: 'neglect',
        response_url: broken.api.responseUrl(),
      });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as Answer;
      const shown = visibleTexts(answer).join('\n');
      expect(shown).toContain('Something went wrong on our side');
      expect(shown).not.toContain('exploded');
      expect(shown).not.toContain('search.ts');
      expect(
        broken.logger.lines.some((l) => l.level === 'error' && l.fields.code === 'internal'),
      ).toBe(true);
    } finally {
      await broken.close();
    }
  });

  it('never logs an error message that quotes the question, even on its second line', async () => {
    const broken = await startBrokenSearchHarness(
      (query) => new Error(`index exploded\nwhile reading “${query}”`),
    );
    try {
      await slashCommand(broken.eventsUrl, {
        text: 'neglect of Jane Smith',
        response_url: broken.api.responseUrl(),
      });
      expect(JSON.stringify(broken.logger.lines)).not.toContain('Jane Smith');
      expect(JSON.stringify(broken.logger.lines)).not.toContain('exploded');
      const failure = broken.logger.lines.find((l) => l.message === 'slack handler failed');
      expect(failure?.fields).toMatchObject({ code: 'internal', error: 'Error' });
    } finally {
      await broken.close();
    }
  });
});
