import { parse } from 'yaml';
import { z } from 'zod';
import type { Reply } from '../model/index.ts';

/** A learning point on a draft card: its title and the start of its text. */
export interface DraftCardLesson {
  title: string;
  start: string;
}

/** What an admin sees of a draft kept on the shelf, to decide what to do with it. */
export interface DraftCard {
  id: string;
  title: string;
  area: string | null;
  published: string | null;
  /** the file it came from, as sent */
  fileName: string;
  /** learning points in the draft (all, though `lessons` shows the first few) */
  lessonCount: number;
  lessons: DraftCardLesson[];
  /** the importer's notes on what to check (none for an edited draft) */
  warnings: string[];
  /** what stops it going live, as the validator lists them; none means Approve works */
  problems: string[];
  /** an edited draft took the place of the kept one */
  replaced: boolean;
}

/** The buttons on a draft card and after it. They carry ids only: the draft stays on the shelf. */
export type DraftAction =
  | { kind: 'draft-approve'; id: string }
  | { kind: 'draft-edit'; id: string }
  | { kind: 'draft-discard'; id: string }
  | { kind: 'draft-publish'; reviewId: string };

/**
 * What the chat import answers. `draft`: the card; `draft-problems`: a file or an approve
 * that did not go through, with every problem; `draft-text`: the draft to edit;
 * `draft-live`: approved, with the publish offer (`channels` active subscriptions);
 * `draft-discarded`. Errors and the refusal are the ordinary error Reply, and
 * Publish answers with the ordinary `published` Reply.
 */
export type DraftReply =
  | { kind: 'draft'; card: DraftCard }
  | { kind: 'draft-problems'; id: string | null; what: string; problems: string[] }
  | { kind: 'draft-text'; id: string; fileName: string; text: string }
  | { kind: 'draft-live'; reviewId: string; title: string; lessons: number; channels: number }
  | { kind: 'draft-discarded'; id: string };

export type ChatImportReply = DraftReply | Reply;

/** How many lessons a card lists, and how much of each: a card is a glance, the draft the detail. */
export const CARD_LESSONS = 10;
const START_LENGTH = 140;

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim() !== '');
const draftActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('draft-approve'), id: text(200) }),
  z.strictObject({ kind: z.literal('draft-edit'), id: text(200) }),
  z.strictObject({ kind: z.literal('draft-discard'), id: text(200) }),
  z.strictObject({ kind: z.literal('draft-publish'), reviewId: text(200) }),
]);

/** A draft button's data read back: untrusted, so anything else is null. */
export function readDraftAction(raw: unknown): DraftAction | null {
  const parsed = draftActionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function startOf(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > START_LENGTH ? `${flat.slice(0, START_LENGTH - 1)}…` : flat;
}

const asText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * The card of a draft's YAML. The draft may be any text an admin sent back, so nothing
 * is assumed of its shape: what is missing shows as missing, and the validator's problems
 * say what to fix.
 */
export function draftCard(
  id: string,
  yaml: string,
  facts: { fileName: string; warnings: string[]; problems: string[]; replaced: boolean },
): DraftCard {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parse(yaml);
    if (parsed !== null && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // the problems already say the YAML does not read
  }
  const lessons = Array.isArray(data.lessons) ? (data.lessons as unknown[]) : [];
  return {
    id,
    title: asText(data.title) ?? id,
    area: asText(data.area),
    published: asText(data.published) ?? (data.published ? String(data.published) : null),
    fileName: facts.fileName,
    lessonCount: lessons.length,
    lessons: lessons.slice(0, CARD_LESSONS).map((lesson) => {
      const fields = (lesson ?? {}) as Record<string, unknown>;
      return {
        title: asText(fields.title) ?? '(no title)',
        start: startOf(asText(fields.text) ?? '(no text)'),
      };
    }),
    warnings: facts.warnings,
    problems: facts.problems,
    replaced: facts.replaced,
  };
}

/** The chat import's own answers, as opposed to core's ordinary replies (errors, the refusal, publish). */
export function isDraftReply(reply: ChatImportReply): reply is DraftReply {
  return reply.kind.startsWith('draft');
}
