import { toLessonCard } from '../commands/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Briefing, Delivery } from '../model/index.ts';
import { questionsFor } from './reflective-questions.ts';
import { firstSentences } from './split-sentences.ts';

/**
 * The weekly "lesson of the week" card for a ledger row: the lesson, what happened in at
 * most two sentences of its review's summary, and questions for the team.
 * @throws Error when the row names no lesson of the corpus (callers check first)
 */
export function buildBriefing(
  corpus: Corpus,
  delivery: Pick<Delivery, 'id' | 'period' | 'lessonId'>,
  acknowledgements: number,
): Briefing {
  const lesson = corpus.lessonById.get(delivery.lessonId ?? '');
  if (!lesson) throw new Error(`delivery ${delivery.id} names no lesson of the corpus`);
  const card = toLessonCard(corpus, lesson);
  return {
    deliveryId: delivery.id,
    period: delivery.period,
    lesson: card,
    whatHappened: firstSentences(card.review.summary, 2),
    questions: questionsFor(lesson.questions),
    acknowledgements,
  };
}
