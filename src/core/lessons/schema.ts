import { z } from 'zod';

/**
 * The corpus format, as the partnership office writes it. One YAML file per review
 * in `lessons/`, plus `themes.yaml`, `agencies.yaml`, `glossary.yaml` and, optionally,
 * `concepts.yaml`.
 * See docs/adding-a-review.md for a worked example.
 */

export const REVIEW_KINDS = ['scr', 'lcspr', 'national', 'thematic'] as const;

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'use lower-case letters, digits and single hyphens, e.g. "southwark-child-r"',
  )
  .max(64, 'keep ids to 64 characters');

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `keep it under ${max} characters`);

/** `2015`, `2015-07` or `2015-07-24`; a bare YAML number 2015 is accepted too. */
const publishedDate = z
  .union([z.number().int(), z.string()])
  .transform((v) => String(v))
  .refine((v) => /^(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v), {
    message: 'write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2015-07',
  });

export const lessonSchema = z.strictObject({
  /** `<review-id>/<n>`, stable for ever once published */
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*\/[1-9]\d{0,3}$/,
      'write the id as <review-id>/<number>, e.g. "southwark-child-r/3"',
    ),
  title: text(120),
  /** verbatim from the published review where it states the lesson */
  text: text(4000),
  themes: z
    .array(slug)
    .min(1, 'give at least one theme id from lessons/themes.yaml')
    .max(8, 'give at most 8 themes'),
  agencies: z.array(slug).max(12, 'give at most 12 agencies').default([]),
  /** reflective questions for a team discussion */
  questions: z.array(text(400)).max(8, 'give at most 8 questions').default([]),
});

export const reviewFileSchema = z.strictObject({
  id: slug,
  title: text(200),
  kind: z.enum(REVIEW_KINDS, { message: `use one of: ${REVIEW_KINDS.join(', ')}` }),
  /** the safeguarding partnership or board that published it */
  partnership: text(200),
  /** local authority area, e.g. "Southwark" */
  area: text(100),
  published: publishedDate,
  url: z
    .url({ protocol: /^https?$/, message: 'give a full http(s) link, or leave the field out' })
    .optional(),
  /** what happened, in a few plain sentences, anonymised as in the published review */
  summary: text(2000),
  /** where the lesson texts are quoted from, for attribution */
  source: text(400).optional(),
  /** other names people use for the review or its child, e.g. "Baby P" */
  aliases: z.array(text(100)).max(10, 'give at most 10 aliases').default([]),
  lessons: z
    .array(lessonSchema)
    .min(1, 'list at least one lesson')
    .max(500, 'split a review of more than 500 lessons'),
});

export const themeSchema = z.strictObject({
  id: slug,
  label: text(60),
  description: text(300),
  /** words and phrases a practitioner might use for this theme */
  synonyms: z.array(text(80)).default([]),
});
export const themesFileSchema = z.strictObject({
  themes: z.array(themeSchema).min(1, 'list at least one theme'),
});

export const agencySchema = z.strictObject({
  id: slug,
  label: text(80),
  synonyms: z.array(text(80)).default([]),
});
export const agenciesFileSchema = z.strictObject({
  agencies: z.array(agencySchema).min(1, 'list at least one agency'),
});

/**
 * One set of words that mean the same thing to a practitioner. `term` is the current,
 * respectful term used in anything the bot writes; `also` are equivalents and
 * abbreviations; `formerly` are old terms that search understands but cards avoid.
 */
export const glossaryEntrySchema = z.strictObject({
  term: text(80),
  meaning: text(300).optional(),
  also: z.array(text(80)).default([]),
  formerly: z.array(text(80)).default([]),
});
export const glossaryFileSchema = z.strictObject({
  terms: z.array(glossaryEntrySchema).min(1, 'list at least one term'),
});

/**
 * Everyday words and phrasings practitioners use for one of the field's concepts:
 * "keeps cancelling appointments" for was not brought, "tiktok" for online harm. Search
 * reads a question that uses them as naming the concept; cards never show them.
 */
export const conceptSchema = z.strictObject({
  /** a theme id from themes.yaml, or a term from glossary.yaml */
  means: text(80),
  phrases: z
    .array(text(80))
    .min(1, 'list at least one phrase')
    .max(200, 'give at most 200 phrases for one concept'),
});
export const conceptsFileSchema = z.strictObject({
  concepts: z.array(conceptSchema).min(1, 'list at least one concept'),
});

export type LessonInput = z.infer<typeof lessonSchema>;
export type ReviewFile = z.infer<typeof reviewFileSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type ConceptEntry = z.infer<typeof conceptSchema>;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
