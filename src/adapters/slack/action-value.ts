/**
 * A button carries its core Action as JSON in `value` (at most 2,000 characters), so a
 * click needs no server-side state. The value comes back inside a request Slack signed,
 * but it is still checked: a stale or malformed value gets a friendly answer, not a crash.
 */
import { type ButtonAction, readAction } from '../../core/index.ts';

/** Every button's action_id starts with this; the number after it keeps ids unique in a block. */
export const ACTION_PREFIX = 'lessons:';
export const ACTION_ID_PATTERN = /^lessons:/;

export function encodeAction(action: ButtonAction): string {
  return JSON.stringify(action);
}

export function decodeAction(value: string | undefined): ButtonAction | null {
  if (value === undefined) return null;
  try {
    return readAction(JSON.parse(value));
  } catch {
    return null;
  }
}

/** `lessons:share:0`: the kind for people reading logs, the index for uniqueness. */
export function actionId(action: ButtonAction, index: number): string {
  return `${ACTION_PREFIX}${action.kind}:${index}`;
}
