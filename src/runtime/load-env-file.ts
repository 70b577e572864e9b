import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { BotError } from '../core/index.ts';

/**
 * The environment with an optional `.env` file under it: a variable set in the
 * environment wins over the file, so a deployment can always override it.
 */
export function environmentWithEnvFile(
  env: NodeJS.ProcessEnv,
  file = '.env',
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...env };
    throw new BotError(
      'config_invalid',
      `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): fix its permissions or remove it.`,
    );
  }
  return { ...parseEnv(text), ...env };
}
