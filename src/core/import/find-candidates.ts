import { splitSentences } from '../briefing/index.ts';
import { classifyHeading } from './classify-heading.ts';
import { comparable } from './clean-text.ts';
import type { TextBlock } from './document.ts';
import type { FoundLesson } from './find-learning.ts';

/**
 * For a document that states its learning only in prose (committee minutes, a blog
 * post): the sentences that read as learning, for a person to keep or delete. A sentence
 * reads as learning when it says what should be done or what went wrong in general terms
 * ("should", "had to", "is unsafe", "a lack of"), about practice rather than about the
 * meeting or the web page it sits in.
 */

const CUES: [RegExp, number][] = [
  [/\b(?:should|must|ought to|needs? to|needed to|ha(?:d|s|ve) to|required|requires?)\b/i, 2],
  [/\b(?:essential|important|importance|crucial|vital|necessary|key to|need for)\b/i, 2],
  [/\bgood (?:social work|practice|child protection|assessment)\b/i, 2],
  [
    /\b(?:practitioners?|professionals?|agenc(?:y|ies)|social workers?|multi-agency|partnership working|child protection|safeguarding)\b/i,
    1,
  ],
  [
    /\b(?:assessments?|risks?|attachment|neglect|domestic (?:violence|abuse)|chronolog(?:y|ies)|supervision|training|information)\b/i,
    1,
  ],
];

/** Words that judge practice; each different one counts, up to two. */
const JUDGEMENTS =
  /\b(?:unsafe|not (?:always|sufficient|enough)|lack of|failure|failed to|too (?:tolerant|long|late)|struggle|risk of|indicators? of risk|leads? to|can result|could suggest|should not be|confused? with|took time)\b/gi;

/** Sentences about the meeting, the web page or the document, not about practice. */
const NOT_LEARNING =
  /\b(?:committee noted|members noted|resolved|minutes|agenda|presentation|this post|read the full|click|comment|log in|log out|sign up|e-?mail|website|newsletter|subscribe|reblogged|wordpress|akismet|cookies?)\b|https?:|www\./i;

const MIN_WORDS = 8;
const MAX_WORDS = 90;
/** Enough cues that a sentence states something a practitioner could act on. */
const THRESHOLD = 3;
/** Past this many, a person cannot check them: the document is not prose learning. */
export const MAX_CANDIDATES = 40;

export function learningScore(sentence: string): number {
  const words = sentence.split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS) return 0;
  if (/\?\s*["'”’]?$/.test(sentence) || NOT_LEARNING.test(sentence)) return 0;
  if (!/^["'“‘(]?\p{Lu}/u.test(sentence)) return 0;
  const judged = new Set([...sentence.matchAll(JUDGEMENTS)].map((m) => m[0].toLowerCase())).size;
  const cued = CUES.reduce(
    (score, [pattern, weight]) => score + (pattern.test(sentence) ? weight : 0),
    0,
  );
  return cued + Math.min(judged, 2);
}

export function findCandidates(blocks: readonly TextBlock[]): FoundLesson[] {
  const found: FoundLesson[] = [];
  const seen = new Set<string>();
  let excluded = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      excluded = classifyHeading(block.text) === 'excluded';
      continue;
    }
    if (excluded) continue;
    for (const sentence of splitSentences(block.text.slice(0, 20_000))) {
      const text = sentence.replace(/^["“]|["”]$/g, '').trim();
      const key = comparable(text);
      if (seen.has(key) || learningScore(text) < THRESHOLD) continue;
      seen.add(key);
      const where = block.page === undefined ? 'a sentence' : `a sentence on page ${block.page}`;
      found.push({ text, where, ...(block.page === undefined ? {} : { page: block.page }) });
      if (found.length === MAX_CANDIDATES) return found;
    }
  }
  return found;
}
