import { toLessonCard, toReviewCard } from '../commands/index.ts';
import type { Corpus, Lesson, Review } from '../lessons/index.ts';
import type { Announcement, Delivery } from '../model/index.ts';

const KEY_LESSONS = 3;

/**
 * Up to three lessons that show the breadth of a review: in file order, each lesson whose
 * first theme no earlier pick has covered, then the earliest others to make up three.
 * Shown in file order. Deterministic, so every channel gets the same card.
 */
export function keyLessons(corpus: Corpus, review: Review): Lesson[] {
  const lessons = review.lessonIds.flatMap((id) => corpus.lessonById.get(id) ?? []);
  const picked: Lesson[] = [];
  const covered = new Set<string>();
  for (const lesson of lessons) {
    if (picked.length === KEY_LESSONS) break;
    const first = lesson.themes[0] ?? '';
    if (covered.has(first)) continue;
    covered.add(first);
    picked.push(lesson);
  }
  for (const lesson of lessons) {
    if (picked.length === KEY_LESSONS) break;
    if (!picked.includes(lesson)) picked.push(lesson);
  }
  return lessons.filter((l) => picked.includes(l));
}

/** The "New review published" card for one channel's ledger row. */
export function buildAnnouncement(
  corpus: Corpus,
  review: Review,
  delivery: Pick<Delivery, 'id'>,
  acknowledgements: number,
): Announcement {
  return {
    deliveryId: delivery.id,
    review: toReviewCard(review),
    keyLessons: keyLessons(corpus, review).map((l) => toLessonCard(corpus, l)),
    totalLessons: review.lessonIds.length,
    acknowledgements,
  };
}
