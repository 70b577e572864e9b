import type { ReviewKind } from '../lessons/index.ts';

/** A lesson and its review, ready to show: what search results, briefings and replies carry. */
export interface ThemeRef {
  id: string;
  label: string;
}

export interface ReviewCard {
  id: string;
  title: string;
  kind: ReviewKind;
  partnership: string;
  area: string;
  published: string;
  year: number;
  url: string | null;
  summary: string;
  source: string | null;
  lessonCount: number;
}

export interface LessonCard {
  id: string;
  title: string;
  text: string;
  review: ReviewCard;
  themes: ThemeRef[];
  agencies: ThemeRef[];
  questions: string[];
  /**
   * In search results only: why it matched, the parts of the question it covers, e.g.
   * ["chronology (from 'chronologies')", "neglect"].
   */
  matched?: string[];
}
