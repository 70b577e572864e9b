import { distance } from 'fastest-levenshtein';
import type { Corpus, Lesson, Review, Theme } from '../lessons/index.ts';

/** Lower case, no quotes or punctuation, single spaces: how names are compared. */
export function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[‘’'"“”]/g, '')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/** The candidates within a small edit distance of `name`, closest first. */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const target = normalise(name);
  const budget = Math.max(1, Math.floor(target.length / 4));
  const scored: { candidate: string; d: number }[] = [];
  for (const candidate of candidates) {
    const d = distance(target, normalise(candidate));
    if (d <= budget) scored.push({ candidate, d });
  }
  scored.sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate));
  return [...new Set(scored.map((s) => s.candidate))].slice(0, max);
}

function themeNames(theme: Theme): string[] {
  return [theme.id, theme.label, ...theme.synonyms];
}

/** A theme named by id, label or synonym, forgiving case, hyphens and a typo. */
export function resolveTheme(corpus: Corpus, name: string): Theme | undefined {
  const target = normalise(name);
  const exact = corpus.themes.find((t) => themeNames(t).some((n) => normalise(n) === target));
  if (exact) return exact;
  const [best] = closest(name, corpus.themes.flatMap(themeNames), 1);
  return best === undefined ? undefined : corpus.themes.find((t) => themeNames(t).includes(best));
}

function reviewNames(review: Review): string[] {
  return [
    review.id,
    review.title,
    `${review.area} ${review.title}`,
    `${review.title} ${review.area}`,
    ...review.aliases,
  ];
}

/** A review named by id, title ("Child R"), alias ("Baby P"), area ("Southwark") or both. */
export function resolveReview(corpus: Corpus, name: string): Review | undefined {
  const target = normalise(name).replace(
    /^(the\s+)?(serious\s+case\s+review|scr|review)\s+(of\s+|into\s+)?/,
    '',
  );
  const exact = corpus.reviews.find((r) => reviewNames(r).some((n) => normalise(n) === target));
  if (exact) return exact;
  const byArea = corpus.reviews.filter((r) => normalise(r.area) === target);
  if (byArea.length === 1) return byArea[0];
  const [best] = closest(target, corpus.reviews.flatMap(reviewNames), 1);
  return best === undefined ? undefined : corpus.reviews.find((r) => reviewNames(r).includes(best));
}

/** `southwark-child-r/8`, also written `southwark-child-r 8` or `southwark-child-r#8`. */
export function resolveLesson(corpus: Corpus, id: string): Lesson | undefined {
  const key = id
    .trim()
    .toLowerCase()
    .replace(/\s*[#\s]\s*(\d+)$/, '/$1');
  return corpus.lessonById.get(key);
}
