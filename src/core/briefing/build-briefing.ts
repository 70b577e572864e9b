import { toLessonCard } from '../commands/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Briefing, Delivery } from '../model/index.ts';
import { firstSentences } from './split-sentences.ts';

/**
 * Prompts for a team discussion when a lesson has no questions of its own, in the style
 * of local 7-minute briefings (Leeds: "How does this relate to my role? Have I seen
 * similar? What would I do differently?"; West Sussex and Swindon: "How will we embed
 * the learning, and how will we know?"). Worded to fit any lesson.
 */
export const REFLECTIVE_QUESTIONS: readonly string[] = [
  'How does this relate to your role, and to the children and families you work with?',
  'Have you seen something similar in your work? What helped, and what got in the way?',
  'What will your team do differently, and how will you know it has made a difference?',
];

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
    questions: lesson.questions.length > 0 ? [...lesson.questions] : [...REFLECTIVE_QUESTIONS],
    acknowledgements,
  };
}
