import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-process.ts';

async function json(args: string[]): Promise<unknown> {
  const result = await runMain([...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('lessons-bot search', () => {
  it('prints the JSON contract, with chronology lessons first', async () => {
    const answer = (await json(['search', 'lessons on chronologies', '--limit', '3'])) as {
      query: string;
      total: number;
      results: {
        id: string;
        title: string;
        text: string;
        review: Record<string, unknown>;
        themes: string[];
        score: number;
        matched: string[];
      }[];
    };
    expect(answer.query).toBe('lessons on chronologies');
    expect(answer.total).toBeGreaterThanOrEqual(3);
    expect(answer.results).toHaveLength(3);
    for (const result of answer.results) {
      expect(result.themes).toContain('chronologies');
      expect(Object.keys(result.review).sort()).toEqual([
        'area',
        'id',
        'published',
        'title',
        'url',
      ]);
      expect(typeof result.score).toBe('number');
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.matched).toEqual(["chronology (from 'chronologies')"]);
    }
  });

  it('answers a question that matches nothing with zero results and theme suggestions', async () => {
    const answer = (await json(['search', 'football results'])) as {
      total: number;
      results: unknown[];
      suggestions: unknown[];
    };
    expect(answer.total).toBe(0);
    expect(answer.results).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('names a topic of the field that no review here covers', async () => {
    const answer = (await json(['search', 'FGM'])) as { total: number; uncovered: string[] };
    expect(answer).toMatchObject({ total: 0, uncovered: ['FGM'] });
  });

  it('pages with --offset', async () => {
    const first = (await json(['search', 'neglect', '--limit', '2'])) as {
      results: { id: string }[];
    };
    const second = (await json(['search', 'neglect', '--limit', '2', '--offset', '2'])) as {
      results: { id: string }[];
    };
    const ids = [...first.results, ...second.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('prints readable text by default', async () => {
    const result = await runMain(['search', 'genogram']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('southwark-child-r/8');
    expect(result.stdout).toContain('Child R · Southwark · 2015');
    expect(result.stdout).toContain('   Matched: genogram\n');
  });
});

describe('lessons-bot browsing commands', () => {
  it('lists reviews in the JSON contract', async () => {
    const answer = (await json(['reviews'])) as { reviews: Record<string, unknown>[] };
    const ids = answer.reviews.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'southwark-child-r',
        'cumbria-children-p',
        'croydon-claire',
        'haringey-baby-peter',
      ]),
    );
    for (const review of answer.reviews) {
      expect(Object.keys(review).sort()).toEqual([
        'area',
        'id',
        'kind',
        'lessons',
        'published',
        'title',
      ]);
      expect(review.lessons).toBeGreaterThan(0);
    }
  });

  it('shows one lesson in full', async () => {
    const answer = (await json(['lesson', 'croydon-claire/1'])) as {
      lesson: { questions: string[]; review: { id: string } };
    };
    expect(answer.lesson.review.id).toBe('croydon-claire');
    expect(answer.lesson.questions).toHaveLength(4);
  });

  it('lists themes with counts and a theme’s lessons', async () => {
    const themes = (await json(['themes'])) as { themes: { id: string; count: number }[] };
    expect(themes.themes.find((t) => t.id === 'chronologies')?.count).toBeGreaterThanOrEqual(3);
    const theme = (await json(['theme', 'chronologies', '--limit', '50'])) as {
      total: number;
      results: { themes: string[] }[];
    };
    expect(theme.results).toHaveLength(theme.total);
    for (const lesson of theme.results) expect(lesson.themes).toContain('chronologies');
  });

  it('finds a review by its title and area', async () => {
    const answer = (await json(['review', 'Child R'])) as {
      review: { id: string; lessons: unknown[] };
    };
    expect(answer.review.id).toBe('southwark-child-r');
    expect(answer.review.lessons).toHaveLength(12);
  });

  it('picks a random lesson', async () => {
    const answer = (await json(['random'])) as { lesson: { id: string } };
    expect(answer.lesson.id).toMatch(/^[a-z-]+\/\d+$/);
  });
});

describe('lessons-bot with bad input', () => {
  const cases: [string[], RegExp][] = [
    [['lesson', 'southwark-child-r/99'], /no lesson “southwark-child-r\/99”/i],
    [['review', 'nowhere at all'], /no review called “nowhere at all”/i],
    [['theme', 'nonsense'], /no theme called “nonsense”.*“themes”/is],
    [
      ['search', 'neglect', '--offset', '100'],
      /Past the end: there are \d+ lessons for “neglect”, so nothing from lesson 101 on/,
    ],
    [['theme', 'neglect', '--offset', '3'], /Past the end: there are 3 lessons on Neglect/],
    [['search', 'neglect', '--offset', '100', '--json'], /Past the end: there are \d+ lessons/],
    [['frobnicate'], /Unknown command “frobnicate”/],
    [['lessons', 'on', 'neglect'], /lessons-bot search "lessons on neglect"/],
    [['search'], /needs something to look for/],
    [['search', 'neglect', '--limit', 'lots'], /--limit takes a whole number from 1 to 50/],
    [['search', 'neglect', '--limit', '5000'], /--limit takes a whole number from 1 to 50/],
    [['search', 'neglect', '--colour'], /Unknown option '--colour'/],
    [['search', `${'x'.repeat(5000)}`], /Please ask in under 500 characters/],
    [['themes', '--lessons', '/nonexistent/lessons'], /\/nonexistent\/lessons/],
  ];
  it.each(cases.map(([args, message]) => [args.join(' ').slice(0, 50), args, message] as const))(
    '“%s” exits 1 with a message that says what to fix',
    async (_, args, message) => {
      const result = await runMain(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('validate lists every problem as file:line: field: message and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-cli-'));
    await writeFile(
      join(dir, 'themes.yaml'),
      'themes:\n  - id: neglect\n    label: Neglect\n    description: Unmet needs.\n',
    );
    await writeFile(join(dir, 'agencies.yaml'), 'agencies:\n  - id: police\n    label: Police\n');
    await writeFile(
      join(dir, 'glossary.yaml'),
      'terms:\n  - term: domestic abuse\n    also: [DA]\n',
    );
    await writeFile(
      join(dir, 'a.yaml'),
      'id: a\ntitle: A\nkind: scr\npartnership: P\narea: X\npublished: 2020\nsummary: S.\nlessons:\n  - id: a/1\n    title: T\n    text: Text.\n    themes: [neglet]\n',
    );
    await writeFile(join(dir, 'b.yaml'), 'id: b\ntitle: [unclosed\n');
    const result = await runMain(['validate', '--lessons', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /a\.yaml:12: lessons\[0\]\.themes\[0\]: .*neglet.*did you mean “?"?neglect/,
    );
    expect(result.stderr).toMatch(/b\.yaml:\d+: /);
    expect(result.stderr).toMatch(/2 problems in /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate says the real corpus is valid', async () => {
    const result = await runMain(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is valid: 4 reviews, \d+ lessons/);
  });
});

describe('npm start without credentials', () => {
  it('opens the console, answers the grammar, pages with "more" and leaves on "quit"', async () => {
    const result = await runMain(['serve'], {
      env: { PORT: '0' },
      input: 'lessons on chronologies\nmore\nlesson croydon-claire/1\nquit\nthemes\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No Slack or Teams credentials are set');
    expect(result.stdout).toMatch(
      /Teams \(local mode\) listens at http:\/\/127\.0\.0\.1:\d+\/api\/messages/,
    );
    expect(result.stdout).toMatch(/Lessons for “chronologies” \(1–3 of \d+\)/);
    expect(result.stdout).toMatch(/\(4–\d+ of \d+\)/);
    expect(result.stdout).toContain('How do services work together to assess carers');
    // Nothing after "quit" is answered.
    expect(result.stdout).not.toContain('Themes (lessons)');
  });

  it('names the command line as it is typed here: npm run cli -- in a clone', async () => {
    const result = await runMain(['serve'], {
      env: { PORT: '0', npm_lifecycle_event: 'start' },
      input: 'subscribe\nquit\n',
    });
    expect(result.stdout).toContain('On the command line, use “npm run cli -- subscriptions”.');
    const cli = await runMain(['theme', 'nonsense'], { env: { npm_lifecycle_event: 'cli' } });
    expect(cli.stderr).toContain('npm run cli -- theme ');
    expect(cli.stderr).not.toMatch(/(^|\s)lessons-bot theme/);
    const installed = await runMain(['theme', 'nonsense']);
    expect(installed.stderr).toMatch(/ lessons-bot theme /);
  }, 60_000);

  it('is the local admin’s tool: report and reload are answered, not refused', async () => {
    const result = await runMain(['serve'], {
      env: { PORT: '0' },
      // input ends while the reload is answered in its worker: the lines after it still count
      input: 'reload\nreport\nquit\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Reloaded the lessons: 4 reviews, \d+ lessons/);
    expect(result.stdout).toMatch(/\d+ channels \(\d+ active\)/);
    expect(result.stdout).not.toContain('only the partnership office');
    expect(result.stderr).not.toContain('readline was closed');
  }, 60_000);

  it('says "more" has nothing to go on with, rather than searching for the word', async () => {
    const result = await runMain(['serve'], {
      env: { PORT: '0' },
      input: 'more\ntheme neglect\nmore\nquit\n',
    });
    expect(result.stdout).toContain('“more” goes on with a list of lessons');
    expect(result.stdout).toMatch(/Lessons on Neglect \(1–3 of 3\)/);
    expect(result.stdout).toContain('That was the last page: there are no more lessons for it.');
    expect(result.stdout).not.toContain('Lessons for “more”');
  }, 60_000);

  it('refuses to start on a broken corpus, saying what is wrong', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-serve-'));
    await writeFile(join(dir, 'a.yaml'), 'id: [\n');
    const result = await runMain(['serve'], { env: { LESSONS_DIR: dir, PORT: '0' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a\.yaml:\d+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
