import { describe, expect, it } from 'vitest';
import { buildCorpus, smallCorpus } from '../../../test/helpers/delivery-corpus.ts';
import { realDeps } from '../../../test/helpers/real-deps.ts';
import { buildAnnouncement, keyLessons } from './build-announcement.ts';
import { buildBriefing, REFLECTIVE_QUESTIONS } from './build-briefing.ts';
import { splitSentences } from './split-sentences.ts';

describe('buildBriefing', () => {
  const corpus = smallCorpus();
  const delivery = { id: 'dlv-1', period: '2026-W48', lessonId: 'leeds-child-b/1' };

  it('carries the lesson, two sentences of what happened, and the ledger row', () => {
    const briefing = buildBriefing(corpus, delivery, 3);
    expect(briefing.deliveryId).toBe('dlv-1');
    expect(briefing.period).toBe('2026-W48');
    expect(briefing.lesson.id).toBe('leeds-child-b/1');
    expect(briefing.lesson.review.id).toBe('leeds-child-b');
    expect(briefing.whatHappened).toBe(
      'The child was known to many agencies. Nobody saw the whole picture.',
    );
    expect(briefing.acknowledgements).toBe(3);
  });

  it('asks three reflective questions when the lesson has none of its own', () => {
    const briefing = buildBriefing(corpus, delivery, 0);
    expect(briefing.questions).toEqual([...REFLECTIVE_QUESTIONS]);
    expect(briefing.questions).toHaveLength(3);
  });

  it('uses the lesson’s own questions when it has them', () => {
    const briefing = buildBriefing(corpus, { ...delivery, lessonId: 'newham-child-a/3' }, 0);
    expect(briefing.questions).toEqual(['Who asked about the father?']);
  });

  it('throws when the row names no lesson of the corpus', () => {
    expect(() => buildBriefing(corpus, { ...delivery, lessonId: 'gone/1' }, 0)).toThrow(
      /no lesson/,
    );
  });
});

describe('keyLessons', () => {
  it('picks three lessons covering different first themes, shown in file order', () => {
    const corpus = buildCorpus([
      {
        id: 'x-review-z',
        published: '2025',
        lessons: [
          { n: 1, themes: ['neglect'] },
          { n: 2, themes: ['neglect', 'escalation'] },
          { n: 3, themes: ['escalation'] },
          { n: 4, themes: ['neglect'] },
          { n: 5, themes: ['supervision'] },
        ],
      },
    ]);
    const review = corpus.reviewById.get('x-review-z');
    if (!review) throw new Error('no review');
    expect(keyLessons(corpus, review).map((l) => l.n)).toEqual([1, 3, 5]);
  });

  it('makes up three from the earliest when themes repeat, and takes fewer when there are fewer', () => {
    const corpus = buildCorpus([
      {
        id: 'a-review-a',
        published: '2025',
        lessons: [1, 2, 3, 4].map((n) => ({ n, themes: ['neglect'] })),
      },
      { id: 'b-review-b', published: '2025', lessons: [{ n: 1, themes: ['neglect'] }] },
    ]);
    const a = corpus.reviewById.get('a-review-a');
    const b = corpus.reviewById.get('b-review-b');
    if (!a || !b) throw new Error('no review');
    expect(keyLessons(corpus, a).map((l) => l.n)).toEqual([1, 2, 3]);
    expect(keyLessons(corpus, b).map((l) => l.n)).toEqual([1]);
  });
});

describe('buildAnnouncement', () => {
  it('carries the review, its key lessons and how many there are in all', () => {
    const corpus = smallCorpus();
    const review = corpus.reviewById.get('leeds-child-b');
    if (!review) throw new Error('no review');
    const announcement = buildAnnouncement(corpus, review, { id: 'dlv-9' }, 0);
    expect(announcement.deliveryId).toBe('dlv-9');
    expect(announcement.review.id).toBe('leeds-child-b');
    expect(announcement.keyLessons.map((l) => l.id)).toEqual([
      'leeds-child-b/1',
      'leeds-child-b/2',
      'leeds-child-b/3',
    ]);
    expect(announcement.totalLessons).toBe(4);
    expect(announcement.acknowledgements).toBe(0);
  });
});

describe('buildBriefing on the real corpus', () => {
  it('tells what happened in one or two whole sentences for every review', async () => {
    const { corpus } = await realDeps();
    for (const review of corpus.reviews) {
      const lessonId = review.lessonIds[0] ?? '';
      const { whatHappened } = buildBriefing(corpus, { id: 'd', period: '2026-W48', lessonId }, 0);
      expect(splitSentences(whatHappened).length, review.id).toBeGreaterThanOrEqual(1);
      expect(splitSentences(whatHappened).length, review.id).toBeLessThanOrEqual(2);
      expect(whatHappened, review.id).toMatch(/[.!?]["”’)]?$/);
      expect(review.summary.replace(/\s+/g, ' ').startsWith(whatHappened), review.id).toBe(true);
    }
  });
});
