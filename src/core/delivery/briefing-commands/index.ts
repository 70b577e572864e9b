export type { BriefingCommandsDeps } from './command-deps.ts';
export { createBriefingCommands } from './create-briefing-commands.ts';
export { parseSince } from './report-command.ts';
export { DEFAULT_SCHEDULE } from './subscribe-command.ts';
export { describeSchedule, nextPostTime } from './subscription-card.ts';
