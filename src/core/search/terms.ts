/**
 * The two kinds of index term that are not a word's stem. Neither can be typed: a
 * question's words never contain a space or start with a quote or a tilde.
 */

/** A phrase of the lexicon found in a text, indexed as one term: `"child care"`. */
export const phraseTerm = (key: string): string => `"${key}"`;

/** A lesson's theme, agency or review, indexed as one term: `~theme:neglect`. */
export const facetTag = (kind: 'theme' | 'agency' | 'review', id: string): string =>
  `~${kind}:${id}`;

/** The lesson fields that hold text; the others hold one kind of tag each. */
export const TEXT_FIELDS = ['title', 'text', 'questions'] as const;

/** The fields a term can be in: a tag's own field, or the text fields. */
export function fieldsOf(term: string): string[] {
  if (term.startsWith('~theme:')) return ['themes'];
  if (term.startsWith('~agency:')) return ['agencies'];
  if (term.startsWith('~review:')) return ['review'];
  return [...TEXT_FIELDS];
}
