import type { Corpus } from './types.ts';

/**
 * One line for the validator's OK message.
 * @example summariseCorpus(corpus) // "4 reviews, 34 lessons, 40 themes, 24 agencies, 75 glossary terms"
 */
export function summariseCorpus(corpus: Corpus): string {
  return [
    count(corpus.reviews.length, 'review'),
    count(corpus.lessons.length, 'lesson'),
    count(corpus.themes.length, 'theme'),
    count(corpus.agencies.length, 'agency', 'agencies'),
    count(corpus.glossary.length, 'glossary term'),
  ].join(', ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
