import type { Notice, Reply } from '../model/index.ts';
import { parseQuery, type SearchResponse, stripFiller } from '../search/index.ts';
import { type CommandDeps, MAX_QUESTION_LENGTH } from './deps.ts';
import { detectCaseDetails, privacyReminder } from './detect-case-details.ts';
import { toLessonCard } from './to-card.ts';
import { withoutMentions } from './without-mentions.ts';

export function handleSearch(
  deps: CommandDeps,
  question: string,
  offset: number,
  notices: Notice[] = [],
): Reply {
  // Search boxes and the command line reach here without parseCommand.
  const query = withoutMentions(question);
  if (query.length > MAX_QUESTION_LENGTH) {
    return {
      kind: 'error',
      code: 'query_too_long',
      message: `That question is ${query.length} characters long. Please ask in under ${MAX_QUESTION_LENGTH} characters: a few words work best, e.g. "lessons on chronologies".`,
      suggestions: [],
    };
  }
  const details = detectCaseDetails(query);
  const privacy: Notice[] =
    details.length > 0 ? [{ kind: 'privacy', text: privacyReminder(details) }] : [];
  // A question with case details is never repeated back, not even to its author.
  const shown = details.length > 0 ? '' : query;
  const started = performance.now();
  const answer = deps.search.search(query, { limit: deps.pageSize, offset });
  deps.metrics?.searchTimed((performance.now() - started) / 1000);
  const all = [...privacy, ...notices];
  if (answer.didYouMean)
    all.push({ kind: 'corrected', text: `Showing lessons for “${answer.didYouMean}”.` });
  for (const problem of answer.understood.problems ?? []) all.push({ kind: 'info', text: problem });
  all.push(...understandingNotices(deps, answer, shown !== ''));

  if (answer.total === 0) {
    return { kind: 'no-results', query: shown, suggestions: answer.suggestions, notices: all };
  }
  if (offset >= answer.total) return pastTheEnd(heading(shown), answer.total, offset);
  const lessons = answer.results.flatMap((r) => {
    const lesson = deps.corpus.lessonById.get(r.id);
    // A question with case details is not repeated back: nor are the words it was read from.
    const matched =
      shown === '' ? r.matched.map((m) => m.replace(/ \(from '.*'\)$/, '')) : r.matched;
    return lesson ? [{ ...toLessonCard(deps.corpus, lesson), matched }] : [];
  });
  const next = offset + lessons.length;
  return {
    kind: 'results',
    query: shown,
    heading: heading(shown),
    total: answer.total,
    offset,
    lessons,
    // A "More" button would carry the question, case details included, so it is left out then.
    more: next < answer.total && shown !== '' ? { kind: 'more', query, offset: next } : null,
    notices: all,
  };
}

/** A page that starts after the last lesson: said, rather than shown as an empty page. */
export function pastTheEnd(heading: string, total: number, offset: number): Reply {
  // "Lessons for “neglect”" → "4 lessons for “neglect”"
  const what = heading.replace(/^Lessons/, total === 1 ? '1 lesson' : `${total} lessons`);
  return {
    kind: 'error',
    code: 'page_past_end',
    message: `Past the end: there ${total === 1 ? 'is' : 'are'} ${what}, so nothing from lesson ${offset + 1} on. Ask for an earlier page, or ask again for the first.`,
    suggestions: [],
  };
}

/**
 * What the user should know about how the question was read: a topic of the field that no
 * lesson here covers yet ("FGM"), and, when lessons were found, the words none of them use.
 * Words the user typed are repeated only when the question holds no case details.
 */
function understandingNotices(deps: CommandDeps, answer: SearchResponse, echo: boolean): Notice[] {
  const notices: Notice[] = [];
  const reviews = deps.corpus.reviews.length;
  const none =
    reviews === 1
      ? 'the one review here has no lesson on it yet'
      : `none of the ${reviews} reviews here has a lesson on it yet`;
  for (const topic of answer.understood.uncovered ?? []) {
    const named = echo ? `“${topic}” is` : 'What you asked about is';
    notices.push({ kind: 'info', text: `${named} a topic of the field; ${none}.` });
  }
  const unknown = answer.understood.unknown ?? [];
  if (echo && answer.total > 0 && unknown.length > 0) {
    const words = unknown.map((w) => `“${w}”`).join(', ');
    notices.push({
      kind: 'info',
      text: `No lesson uses ${words}; these lessons match the rest of the question.`,
    });
  }
  return notices;
}

/** "what have reviews said about escalation?" → Lessons for “escalation” */
function heading(shown: string): string {
  const topic = shown === '' ? '' : stripFiller(parseQuery(shown).text);
  return topic === '' ? 'Lessons' : `Lessons for “${topic}”`;
}
