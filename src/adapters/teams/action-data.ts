/**
 * What our card buttons carry. An Action.Submit comes back to the bot as a message
 * with empty text and the button's data in `value`; that value is untrusted input,
 * so it is read back field by field, never cast.
 */
import { type ButtonAction, MAX_QUESTION_LENGTH, readAction } from '../../core/index.ts';

/** The id of the plan's Input.Text: Teams sends what was typed under it, beside our data. */
export const PLAN_INPUT_ID = 'lessonsBotPlan';

/** Our data sits under one key, so data from other apps' cards is never mistaken for ours. */
export const DATA_KEY = 'lessonsBot';
const VERSION = 1;

/**
 * A button that runs a core Action ("More results", "Full lesson"), records "Discussed in
 * our team" (an `ack`), or types a command ("themes").
 */
export type ButtonPayload = { action: ButtonAction } | { text: string };

export function buttonData(payload: ButtonPayload): Record<string, unknown> {
  return { [DATA_KEY]: { v: VERSION, ...payload } };
}

export type ReadButton =
  | { kind: 'action'; action: ButtonAction; typed?: string }
  | { kind: 'text'; text: string }
  | { kind: 'invalid' };

/** `undefined` when the value is not from one of our buttons. */
export function readButton(value: unknown): ReadButton | undefined {
  if (!isRecord(value) || !(DATA_KEY in value)) return undefined;
  const data = value[DATA_KEY];
  if (!isRecord(data) || data.v !== VERSION) return { kind: 'invalid' };
  if (isText(data.text, MAX_QUESTION_LENGTH)) return { kind: 'text', text: data.text };
  const action = readAction(data.action);
  if (!action) return { kind: 'invalid' };
  // What was typed into the card's input; any other type reads as nothing typed.
  const typed = value[PLAN_INPUT_ID];
  return typeof typed === 'string' ? { kind: 'action', action, typed } : { kind: 'action', action };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}
