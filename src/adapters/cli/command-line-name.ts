/**
 * How the command line is typed here, for hints and examples: `npm run cli --` when the
 * bot or the command line was started by an npm script in a clone (where `lessons-bot`
 * is not on the PATH), else `lessons-bot` (the installed command, or `npx lessons-bot`).
 */
export function commandLineName(env: Readonly<Record<string, string | undefined>>): string {
  const script = env.npm_lifecycle_event;
  return script !== undefined && script !== 'npx' ? 'npm run cli --' : 'lessons-bot';
}
