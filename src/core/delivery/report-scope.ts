import { BotError } from '../errors.ts';
import { type Corpus, candidateMap, suggestName } from '../lessons/index.ts';
import type { Delivery, ReportScope } from '../model/index.ts';

/** What a post is about: its review, and the themes and agencies of its lesson (or review). */
export interface PostTopics {
  reviewId: string | null;
  themes: readonly string[];
  agencies: readonly string[];
}

/** A briefing is about its lesson; a review announcement about all of the review's lessons. */
export function topicsOf(corpus: Corpus, d: Delivery): PostTopics {
  const lesson = d.lessonId ? corpus.lessonById.get(d.lessonId) : undefined;
  if (lesson)
    return { reviewId: lesson.reviewId, themes: lesson.themes, agencies: lesson.agencies };
  const reviewId = d.reviewId ?? null;
  const lessons = corpus.lessons.filter((l) => l.reviewId === reviewId);
  return {
    reviewId,
    themes: [...new Set(lessons.flatMap((l) => l.themes))],
    agencies: [...new Set(lessons.flatMap((l) => l.agencies))],
  };
}

/** Whether a post counts in a report narrowed to `scope`. */
export function inScope(topics: PostTopics, scope: ReportScope): boolean {
  return (
    (scope.reviewId === null || topics.reviewId === scope.reviewId) &&
    (scope.themeId === null || topics.themes.includes(scope.themeId)) &&
    (scope.agencyId === null || topics.agencies.includes(scope.agencyId))
  );
}

interface Known {
  noun: string;
  /** where to find the ids */
  list: string;
  ids: ReadonlyMap<string, unknown>;
  spellings: Iterable<readonly [string, string[]]>;
}

function known(corpus: Corpus, field: keyof ReportScope): Known {
  if (field === 'reviewId')
    return {
      noun: 'review',
      list: 'The reviews command lists the ids.',
      ids: corpus.reviewById,
      spellings: corpus.reviews.map((r) => [r.id, [r.title, ...r.aliases]] as const),
    };
  if (field === 'themeId')
    return {
      noun: 'theme',
      list: 'The themes command lists the ids.',
      ids: corpus.themeById,
      spellings: corpus.themes.map((t) => [t.id, [t.label, ...t.synonyms]] as const),
    };
  return {
    noun: 'agency',
    list: `The agencies are: ${corpus.agencies.map((a) => a.id).join(', ')}.`,
    ids: corpus.agencyById,
    spellings: corpus.agencies.map((a) => [a.id, [a.label, ...a.synonyms]] as const),
  };
}

/** The id as asked for, checked against the corpus: an unknown one says what was probably meant. */
function checkId(corpus: Corpus, field: keyof ReportScope, value: string | undefined) {
  if (value === undefined) return null;
  const id = value.trim();
  const k = known(corpus, field);
  if (k.ids.has(id)) return id;
  const meant = suggestName(id.slice(0, 200), candidateMap(k.spellings))?.name;
  const hint = meant ? ` Did you mean “${meant}”?` : '';
  throw new BotError(
    'report_invalid',
    `There is no ${k.noun} “${id.slice(0, 60)}”.${hint} ${k.list}`,
  );
}

/** The scope of a report from the ids typed; an unknown id → BotError('report_invalid'). */
export function reportScope(
  corpus: Corpus,
  asked: { review?: string; theme?: string; agency?: string },
): ReportScope {
  return {
    reviewId: checkId(corpus, 'reviewId', asked.review),
    themeId: checkId(corpus, 'themeId', asked.theme),
    agencyId: checkId(corpus, 'agencyId', asked.agency),
  };
}

export const WHOLE_CORPUS: ReportScope = { reviewId: null, themeId: null, agencyId: null };
