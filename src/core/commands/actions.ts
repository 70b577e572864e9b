import { z } from 'zod';
import type { Action, ButtonAction } from '../model/index.ts';
import type { Command } from './command.ts';
import { MAX_QUESTION_LENGTH } from './deps.ts';

/** A button pressed in Slack or Teams (or "more" typed in the console) becomes an ordinary command. */
export function actionToCommand(action: Action): Command {
  switch (action.kind) {
    case 'search':
      return { kind: 'search', query: action.query, offset: 0 };
    case 'themes':
      return { kind: 'themes' };
    case 'more':
      return { kind: 'search', query: action.query, offset: action.offset };
    case 'more-theme':
      return { kind: 'theme', name: action.theme, offset: action.offset };
    case 'lesson':
    case 'share':
      return { kind: 'lesson', id: action.id };
    case 'theme':
      return { kind: 'theme', name: action.id, offset: 0 };
    case 'review':
      return { kind: 'review', name: action.id };
  }
}

// Read back exactly as sent (no trimming): a button must run what it showed.
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim() !== '');
const question = nonBlank(MAX_QUESTION_LENGTH);
const id = nonBlank(200);
const offset = z.number().int().min(0).max(10_000);

const actionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('search'), query: question }),
  z.strictObject({ kind: z.literal('themes') }),
  z.strictObject({ kind: z.literal('more'), query: question, offset }),
  z.strictObject({ kind: z.literal('more-theme'), theme: id, offset }),
  z.strictObject({ kind: z.literal('lesson'), id }),
  z.strictObject({ kind: z.literal('share'), id }),
  z.strictObject({ kind: z.literal('theme'), id, label: id }),
  z.strictObject({ kind: z.literal('review'), id }),
  z.strictObject({ kind: z.literal('ack'), deliveryId: id }),
  z.strictObject({ kind: z.literal('plan'), deliveryId: id }),
  z.strictObject({
    kind: z.literal('follow-up'),
    deliveryId: id,
    answer: z.enum(['changed', 'partly', 'not-yet', 'decided-against']),
  }),
]);

/**
 * An action read back from a button. Buttons round-trip through Slack and Teams, so the
 * data is untrusted input: anything that is not exactly a ButtonAction is `null`, never
 * cast. An `ack`, a `plan` or a `follow-up` answer is not a command: check for them before calling actionToCommand.
 */
export function readAction(raw: unknown): ButtonAction | null {
  const parsed = actionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
