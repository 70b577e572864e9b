export { createBriefingCommands } from './create-briefing-commands.ts';
export { parseSince } from './report-command.ts';
export { describeSchedule, nextPostTime } from './subscription-card.ts';
