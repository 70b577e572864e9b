/**
 * What a heading announces. Reviews name their learning in a few ways ("Learning
 * points", "Lessons learned", "Key learning", "Findings"); everything a learning point
 * must never come from (recommendations, terms of reference, contents, chronology,
 * appendices…) has its own words.
 */
export type SectionKind = 'learning' | 'excluded' | 'summary' | 'other';

/** A numbered heading ("3.", "3.2", "Part 4 –") without its number. */
export function headingWords(text: string): string {
  return text
    .replace(
      /^\s*(?:(?:part|section|chapter)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.):]?\s+(?:[–—-]\s+)?/i,
      '',
    )
    .trim();
}

const LEARNING = [
  /^(?:the\s+|our\s+|main\s+|key\s+|summary\s+of\s+(?:the\s+)?)?(?:learning\s+points?|lessons?(?:\s+(?:learned|learnt|identified|for\s+practice))?|learning|key\s+learning|(?:key\s+)?findings?|key\s+messages)\s*(?:[:–—-].*)?$/i,
  /^lessons?\s+(?:from|for)\b/i,
  /^learning\s+(?:for|themes?|identified|points?|from\s+(?:this|the)\s+(?:review|case))\b/i,
  /\b(?:learning\s+points|lessons\s+(?:learned|learnt)|key\s+learning|learning\s+for\s+(?:practice|practitioners|professionals|agencies|all|the\s+partnership))\b/i,
  /\bwhat\s+(?:can|did|should|do)\s+we\s+learn\b/i,
];

const EXCLUDED =
  /\b(?:recommendations?|terms\s+of\s+reference|contents|chronology|chronologies|timeline|appendi(?:x|ces)|glossary|references|bibliography|methodology|acknowledgements?|action\s+plan|review\s+panel|panel\s+members|membership|dissemination|further\s+(?:reading|information)|useful\s+(?:links|resources)|contacts?|about\s+(?:this|the)\s+(?:review|briefing))\b/i;

const SUMMARY =
  /\b(?:case\s+summary|summary\s+of\s+(?:the\s+)?case|background|(?:the\s+)?(?:child|children|family|baby)\b.*['’]s\s+story|what\s+happened|brief\s+(?:summary|history)|circumstances|pen\s+picture|the\s+(?:child|children|family)\b)\b/i;

export function classifyHeading(text: string): SectionKind {
  // Headings are short; a long "heading" is a reader's mistake and need not be read whole.
  const words = headingWords(text.slice(0, 200));
  if (LEARNING.some((pattern) => pattern.test(words))) return 'learning';
  if (EXCLUDED.test(words)) return 'excluded';
  if (SUMMARY.test(words)) return 'summary';
  return 'other';
}

/** "Finding 3: Professionals did not…", "Learning point 2 – …", "Lesson 4." with the rest. */
const LABEL =
  /^(?:key\s+)?(finding|learning\s+point|lesson|learning)\s*(\d{1,3}|[ivx]{1,5})?\s*[:.–—-]\s*(.*)$/i;

export interface Label {
  kind: 'finding' | 'learning';
  number?: string;
  rest: string;
}

/** A learning label at the start of a heading or paragraph, or undefined. */
export function readLabel(text: string): Label | undefined {
  const match = LABEL.exec(text.trim().slice(0, 4000));
  if (!match?.[1]) return undefined;
  const kind = match[1].toLowerCase() === 'finding' ? 'finding' : 'learning';
  // "Learning: …" without a number only counts as a label with some text after it.
  if (match[2] === undefined && (match[3] ?? '').split(' ').length < 6) return undefined;
  const label: Label = { kind, rest: (match[3] ?? '').trim() };
  if (match[2] !== undefined) label.number = match[2];
  return label;
}

/** A paragraph that announces a list of learning: "The learning points are highlighted below:". */
export function introducesLearning(text: string): boolean {
  if (!/:\s*$/.test(text) || text.split(/\s+/).length > 40) return false;
  return /\b(?:learning|lessons?|findings?)\b/i.test(text) && !/\brecommend/i.test(text);
}

/** Items in a learning section that are really recommendations or actions for a body. */
export function readsAsRecommendation(text: string): boolean {
  return /^(?:recommendation\b|that\s+(?:the|all)\b|the\s+(?:\w+\s+){0,3}(?:board|partnership|lscb|lscp|scp|panel)\s+(?:should|must|will|to)\b)/i.test(
    text,
  );
}
