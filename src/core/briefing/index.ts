/** The weekly briefing and the review announcement: choosing and building what is posted. */
export { buildAnnouncement } from './build-announcement.ts';
export { buildBriefing } from './build-briefing.ts';
export { chooseLesson } from './choose-lesson.ts';
export { firstSentences, splitSentences } from './split-sentences.ts';
