export { createBriefingCommands } from './create-briefing-commands.ts';
export { parseSince, parseUntil } from './report-command.ts';
export { describeSchedule, nextPostTime } from './subscription-card.ts';
