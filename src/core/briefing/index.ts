/** The weekly briefing and the review announcement: choosing and building what is posted. */
export { buildAnnouncement, keyLessons } from './build-announcement.ts';
export { buildBriefing } from './build-briefing.ts';
export { candidateLessons, chooseLesson } from './choose-lesson.ts';
export { questionsFor, REFLECTIVE_QUESTIONS } from './reflective-questions.ts';
export { firstSentences, splitSentences } from './split-sentences.ts';
