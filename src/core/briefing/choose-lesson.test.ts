import { describe, expect, it } from 'vitest';
import { buildCorpus, smallCorpus } from '../../../test/helpers/delivery-corpus.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Delivery, DeliveryStatus } from '../model/index.ts';
import { candidateLessons, chooseLesson } from './choose-lesson.ts';

let rows = 0;
function row(lessonId: string, week: number, status: DeliveryStatus = 'sent'): Delivery {
  rows += 1;
  return {
    id: `d-${String(rows).padStart(5, '0')}`,
    subscriptionId: 'sub-1',
    kind: 'briefing',
    period: `2026-W${String(week).padStart(2, '0')}`,
    lessonId,
    status,
    attempts: 1,
    dueAt: new Date(Date.UTC(2026, 0, 5 + 7 * week, 9)),
    updatedAt: new Date(Date.UTC(2026, 0, 5 + 7 * week, 9)),
  };
}

/** Runs the choice week after week, as the runner would, recording each as sent. */
function simulate(corpus: Corpus, themes: string[], weeks: number): string[] {
  const history: Delivery[] = [];
  const chosen: string[] = [];
  for (let week = 0; week < weeks; week++) {
    const lesson = chooseLesson(corpus, { themes }, history);
    if (!lesson) throw new Error('no lesson chosen');
    chosen.push(lesson.id);
    history.push(row(lesson.id, week));
  }
  return chosen;
}

describe('candidateLessons', () => {
  it('is every lesson with any focus theme, or every lesson without a focus', () => {
    const corpus = smallCorpus();
    expect(candidateLessons(corpus, ['chronologies']).map((l) => l.id)).toEqual([
      'york-child-c/1',
      'york-child-c/2',
    ]);
    expect(candidateLessons(corpus, [])).toHaveLength(10);
    // A focus whose themes have left the corpus falls back to every lesson.
    expect(candidateLessons(corpus, ['retired-theme'])).toHaveLength(10);
  });
});

describe('chooseLesson', () => {
  it('starts with the newest review', () => {
    expect(chooseLesson(smallCorpus(), { themes: [] }, [])?.id).toBe('newham-child-a/1');
  });

  it('is deterministic', () => {
    const corpus = smallCorpus();
    expect(simulate(corpus, ['neglect'], 12)).toEqual(simulate(corpus, ['neglect'], 12));
  });

  it('posts every candidate before any repeats, cycle after cycle', () => {
    const corpus = smallCorpus();
    const chosen = simulate(corpus, [], 30);
    for (let cycle = 0; cycle < 3; cycle++) {
      const slice = chosen.slice(cycle * 10, cycle * 10 + 10);
      expect(new Set(slice).size).toBe(10);
    }
  });

  it('rotates themes: never the previous post’s theme while another is available', () => {
    const corpus = smallCorpus();
    const themes = ['neglect', 'domestic-abuse', 'escalation'];
    const chosen = simulate(corpus, themes, 8).map((id) => corpus.lessonById.get(id));
    const main = chosen.map((l) => l?.themes.find((t) => themes.includes(t)));
    expect(main.slice(0, 3).sort()).toEqual(['domestic-abuse', 'escalation', 'neglect']);
    for (let i = 1; i < 5; i++) expect(main[i]).not.toBe(main[i - 1]);
  });

  it('prefers newer reviews within a theme', () => {
    const corpus = smallCorpus();
    const chosen = simulate(corpus, ['domestic-abuse'], 3);
    expect(chosen).toEqual(['newham-child-a/3', 'leeds-child-b/2', 'york-child-c/3']);
  });

  it('counts in-doubt, claimed, sending and retry rows as taken, but not gone or failed ones', () => {
    const corpus = smallCorpus();
    const focus = { themes: ['chronologies'] };
    for (const status of ['in-doubt', 'claimed', 'sending', 'retry'] as const) {
      expect(chooseLesson(corpus, focus, [row('york-child-c/1', 1, status)])?.id).toBe(
        'york-child-c/2',
      );
    }
    for (const status of ['gone', 'failed'] as const) {
      expect(chooseLesson(corpus, focus, [row('york-child-c/1', 1, status)])?.id).toBe(
        'york-child-c/1',
      );
    }
  });

  it('gives a lesson added mid-cycle its turn before the cycle repeats', () => {
    const before = buildCorpus([
      {
        id: 'a-review-x',
        published: '2020',
        lessons: [
          { n: 1, themes: ['t'] },
          { n: 2, themes: ['t'] },
        ],
      },
    ]);
    const history = [row('a-review-x/1', 1)];
    expect(chooseLesson(before, { themes: [] }, history)?.id).toBe('a-review-x/2');
    const after = buildCorpus([
      {
        id: 'a-review-x',
        published: '2020',
        lessons: [
          { n: 1, themes: ['t'] },
          { n: 2, themes: ['t'] },
        ],
      },
      { id: 'b-review-y', published: '2025', lessons: [{ n: 1, themes: ['t'] }] },
    ]);
    const next = simulate(after, [], 3);
    expect(next).toEqual(['b-review-y/1', 'a-review-x/1', 'a-review-x/2']);
  });

  it('over 52 weeks with a 3-theme focus, never repeats before the cycle is complete', () => {
    const reviews = Array.from({ length: 6 }, (_, r) => ({
      id: `area${r}-child-${String.fromCharCode(97 + r)}`,
      published: `${2015 + r}`,
      lessons: Array.from({ length: 8 }, (_, n) => ({
        n: n + 1,
        themes: [
          ['neglect', 'escalation', 'supervision', 'chronologies'][(r + n) % 4] ?? 'neglect',
        ],
      })),
    }));
    const corpus = buildCorpus(reviews);
    const themes = ['neglect', 'escalation', 'supervision'];
    const candidates = candidateLessons(corpus, themes).map((l) => l.id);
    expect(candidates).toHaveLength(36);
    const chosen = simulate(corpus, themes, 52);
    expect(chosen.every((id) => candidates.includes(id))).toBe(true);
    expect(new Set(chosen.slice(0, 36)).size).toBe(36);
    expect(new Set(chosen.slice(36)).size).toBe(16);
  });

  it('returns undefined for an empty corpus', () => {
    expect(chooseLesson(buildCorpus([]), { themes: [] }, [])).toBeUndefined();
  });
});
