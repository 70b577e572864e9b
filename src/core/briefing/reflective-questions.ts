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

/** The lesson's own questions when it has any, else the three reflective prompts. */
export function questionsFor(lessonQuestions: readonly string[]): string[] {
  return lessonQuestions.length > 0 ? [...lessonQuestions] : [...REFLECTIVE_QUESTIONS];
}
