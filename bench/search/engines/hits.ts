/** Turns an engine's (id, score) pairs into full results, as a bot reply would need them. */

import type { Corpus, Lesson } from '../../../src/core/lessons/types.ts';
import type { Hit } from './types.ts';

export function toHit(corpus: Corpus, lesson: Lesson, score: number): Hit {
  const r = corpus.reviewById.get(lesson.reviewId);
  return {
    id: lesson.id,
    title: lesson.title,
    text: lesson.text,
    review: {
      id: lesson.reviewId,
      title: r?.title ?? '',
      area: r?.area ?? '',
      published: r?.published ?? '',
      url: r?.url ?? null,
    },
    themes: [...lesson.themes],
    score,
  };
}

export function hitById(corpus: Corpus, id: string, score: number): Hit {
  const lesson = corpus.lessonById.get(id);
  if (lesson === undefined) throw new Error(`engine returned an unknown id ${id}`);
  return toHit(corpus, lesson, score);
}

/** The plain document every third-party engine indexes: theme labels as words. */
export interface PlainDoc {
  id: string;
  title: string;
  text: string;
  themes: string;
}

export function plainDocs(corpus: Corpus): PlainDoc[] {
  return corpus.lessons.map((l) => ({
    id: l.id,
    title: l.title,
    text: l.text,
    themes: l.themes.map((t) => corpus.themeById.get(t)?.label ?? t).join(' '),
  }));
}
