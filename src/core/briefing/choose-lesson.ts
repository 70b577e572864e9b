import { byNewestReview } from '../commands/index.ts';
import type { Corpus, Lesson } from '../lessons/index.ts';
import type { Delivery, DeliveryStatus, Subscription } from '../model/index.ts';

/** Ledger states in which a lesson counts as given to the channel (or about to be). */
const TAKEN: ReadonlySet<DeliveryStatus> = new Set([
  'sent',
  'in-doubt',
  'claimed',
  'sending',
  'retry',
]);

/** The lessons a focus asks for: any of its themes; every lesson when none (or none left). */
export function candidateLessons(corpus: Corpus, themes: readonly string[]): Lesson[] {
  const focus = themes.filter((t) => corpus.themeById.has(t));
  const fitting = corpus.lessons.filter((l) => l.themes.some((t) => focus.includes(t)));
  return fitting.length > 0 ? fitting : [...corpus.lessons];
}

/** The theme a lesson stands for in this channel: its first focus theme, else its first theme. */
function mainTheme(lesson: Lesson, focus: readonly string[]): string {
  return lesson.themes.find((t) => focus.includes(t)) ?? lesson.themes[0] ?? '';
}

function takenInOrder(history: readonly Delivery[]): Delivery[] {
  return history
    .filter((d) => d.kind === 'briefing' && d.lessonId !== undefined && TAKEN.has(d.status))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * The lesson of the week for a channel. Deterministic, from the corpus, the focus and
 * the channel's briefing ledger only:
 * 1. cycle: only lessons posted the fewest times so far are eligible, so no lesson repeats
 *    until every candidate has been posted (a lesson added later joins the current cycle);
 * 2. themes rotate: the lesson whose main theme was posted least recently (never first),
 *    so the previous post's theme comes last whenever another is available;
 * 3. newer reviews first; 4. ties by review id and lesson number.
 * `history` is the subscription's briefing deliveries; sent, in-doubt, claimed, sending and
 * retry rows count as taken, gone and failed rows do not (nobody saw them).
 */
export function chooseLesson(
  corpus: Corpus,
  subscription: Pick<Subscription, 'themes'>,
  history: readonly Delivery[],
): Lesson | undefined {
  const candidates = candidateLessons(corpus, subscription.themes);
  const taken = takenInOrder(history);
  const times = new Map<string, number>();
  for (const d of taken) times.set(d.lessonId ?? '', (times.get(d.lessonId ?? '') ?? 0) + 1);
  const fewest = Math.min(...candidates.map((l) => times.get(l.id) ?? 0));
  const eligible = candidates.filter((l) => (times.get(l.id) ?? 0) === fewest);

  const lastPosted = new Map<string, number>();
  taken.forEach((d, i) => {
    const lesson = corpus.lessonById.get(d.lessonId ?? '');
    if (lesson) lastPosted.set(mainTheme(lesson, subscription.themes), i);
  });
  const recency = (l: Lesson) => lastPosted.get(mainTheme(l, subscription.themes)) ?? -1;
  const newest = byNewestReview(corpus);
  return eligible.sort((a, b) => recency(a) - recency(b) || newest(a, b))[0];
}
