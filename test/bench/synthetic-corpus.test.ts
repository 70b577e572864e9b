import { describe, expect, it } from 'vitest';
import { generateQueries } from '../../bench/search/queries.ts';
import { generateCorpus } from '../../bench/search/synthetic-corpus.ts';
import { buildVocabulary } from '../../bench/search/vocabulary.ts';

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;

describe('synthetic corpus for the search benchmark', () => {
  it('is deterministic: the same seed and size give the same corpus and hash', () => {
    const a = generateCorpus({ lessons: 500, seed: 'test' });
    const b = generateCorpus({ lessons: 500, seed: 'test' });
    expect(b.hash).toBe(a.hash);
    expect(b.lessons).toEqual(a.lessons);
    expect(b.reviews).toEqual(a.reviews);
  });

  it('gives a different corpus for another seed or size', () => {
    const a = generateCorpus({ lessons: 500, seed: 'test' });
    expect(generateCorpus({ lessons: 500, seed: 'other' }).hash).not.toBe(a.hash);
    expect(generateCorpus({ lessons: 501, seed: 'test' }).hash).not.toBe(a.hash);
  });

  it('has not changed: benchmark results stay comparable across runs', () => {
    // Update this only on purpose, and say in docs/benchmarks.md that older figures used
    // another corpus.
    expect(generateCorpus({ lessons: 1000 }).hash).toBe(
      'cea6098756eebab75d89fa14e8a1bd35547637dbeba5ab7f1f83a453342712f5',
    );
  });

  it('has the shape of a real corpus', () => {
    const c = generateCorpus({ lessons: 2000, seed: 'shape' });
    expect(c.lessons).toHaveLength(2000);
    expect(c.reviews.length).toBeGreaterThan(2000 / 12);
    expect(c.reviews.length).toBeLessThan(2000 / 6);
    expect(c.themes).toHaveLength(30);
    expect(c.agencies).toHaveLength(20);
    expect(c.glossary.length).toBeGreaterThanOrEqual(60);
    expect(c.glossary.every((g) => g.also.length > 0)).toBe(true);
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);

    const ids = new Set(c.lessons.map((l) => l.id));
    expect(ids.size).toBe(c.lessons.length);
    for (const l of c.lessons) {
      expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[1-9]\d{0,3}$/);
      expect(wordCount(l.text)).toBeGreaterThanOrEqual(20);
      expect(wordCount(l.text)).toBeLessThanOrEqual(60);
      expect(wordCount(l.title)).toBeGreaterThanOrEqual(4);
      expect(wordCount(l.title)).toBeLessThanOrEqual(10);
      expect(l.themes.length).toBeGreaterThanOrEqual(1);
      expect(l.themes.length).toBeLessThanOrEqual(4);
      expect(l.themes.every((t) => c.themeById.has(t))).toBe(true);
      expect(l.agencies.every((a) => c.agencyById.has(a))).toBe(true);
      expect(c.reviewById.get(l.reviewId)?.lessonIds).toContain(l.id);
      expect(c.lessonById.get(l.id)).toBe(l);
    }
  });

  it('draws words Zipf-wise from a ~2,000-word vocabulary with word forms', () => {
    const v = buildVocabulary();
    expect(v.words.length).toBeGreaterThan(1800);
    expect(v.words.length).toBeLessThan(2400);
    for (const w of ['chronology', 'chronologies', 'escalating', 'escalated', 'referred']) {
      expect(v.words).toContain(w);
    }
    const c = generateCorpus({ lessons: 2000, seed: 'zipf' });
    const counts = new Map<string, number>();
    for (const l of c.lessons) {
      for (const w of l.text.toLowerCase().split(/[\s.]+/)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    // The head is far commoner than the middle, as in real prose.
    expect(sorted[0] ?? 0).toBeGreaterThan(20 * (sorted[100] ?? 0));
  });

  it('gives the same queries for the same seed, of every category', () => {
    const a = generateQueries(1000, 'q');
    expect(generateQueries(1000, 'q')).toEqual(a);
    expect(a).toHaveLength(1000);
    const categories = new Set(a.map((q) => q.category));
    expect([...categories].sort()).toEqual(
      ['abbreviation', 'natural', 'short-token', 'theme', 'typo', 'words'].sort(),
    );
    expect(a.every((q) => q.text.trim() !== '')).toBe(true);
  });
});
