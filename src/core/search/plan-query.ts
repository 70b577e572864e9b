import type { Concept, Lexicon } from './build-lexicon.ts';
import { type MatchedGroup, matchPhrases } from './match-phrases.ts';
import type { Alternative, QueryGroup, QueryPlan } from './query-plan.ts';
import {
  AGENCY_SHARE,
  COMMON_SHARE,
  COMPLETION_WEIGHT,
  EQUIVALENT_WEIGHT,
  MAX_ALTERNATIVES,
  MAX_HINTED_THEME_SHARE,
  MAX_RELATED_WORD_SHARE,
  MAX_THEMES_PER_WORD,
  MIN_COMMON_LESSONS,
  RELATED_WEIGHT,
  TAG_WEIGHT,
  TOPIC_SHARE,
  TYPED_WEIGHT,
  WORD_IN_THEME_WEIGHT,
} from './ranking.ts';
import { type Completion, readWords } from './read-words.ts';
import type { Speller } from './speller.ts';
import { phraseKey } from './tokenize.ts';

/** What planning needs to know about the index. */
export interface PlanContext {
  lexicon: Lexicon;
  speller: Speller;
  /** the stem is in some lesson, or is a glossary, theme or agency word */
  known: (stem: string) => boolean;
  /** about how many lessons have the term */
  frequency: (term: string) => number;
  lessonCount: number;
}

export interface PlannedQuery {
  plan: QueryPlan;
  /** each group as the user wrote it (corrected) */
  terms: string[];
  expansions: Record<string, string[]>;
  corrections: Map<string, string>;
  unknown: string[];
  /** words known only by completing their beginning ("chrono"): less certain than typed ones */
  completed: number;
}

/** Equivalents listed in `understood.expansions`, per group. */
const MAX_EXPANSIONS_SHOWN = 8;

/**
 * Understands a question's topic (filters and filler already removed): which words it
 * has, which are misspelt, which phrases and concepts it names, and what to search for.
 */
export function planQuery(text: string, ctx: PlanContext): PlannedQuery {
  const read = readWords(text, ctx.known, ctx.speller);
  const matched = matchPhrases(read.units, ctx.lexicon);
  const groups = [
    ...matched.map((g) => (g.concepts.length > 0 ? conceptGroup(g, ctx) : wordGroup(g, ctx))),
    ...read.completions.map((c) => completionGroup(c, ctx)),
  ];
  const corrections = new Map(read.corrections);
  for (const c of read.completions) corrections.set(c.surface, c.suggestion);
  return {
    plan: { groups, namedThemes: namedThemes(matched, ctx.lexicon) },
    terms: groups.map((g) => g.surface),
    expansions: expansionsOf(matched, ctx.lexicon),
    corrections,
    unknown: read.unknown,
    completed: read.completions.length,
  };
}

function conceptGroup(group: MatchedGroup, ctx: PlanContext): QueryGroup {
  const { lexicon } = ctx;
  const concepts = group.concepts.flatMap((c) => lexicon.concepts[c] ?? []);
  const label = conceptLabel(concepts);
  const chosen = new Map<string, Alternative>();
  const common = MAX_RELATED_WORD_SHARE * ctx.lessonCount;
  const add = (term: string | undefined, weight: number, reason?: string): void => {
    if (term === undefined || term === '' || (chosen.get(term)?.weight ?? 0) >= weight) return;
    if (weight < TYPED_WEIGHT && isWord(term) && ctx.frequency(term) > common) return;
    chosen.set(
      term,
      reason === undefined ? { terms: [term], weight } : { terms: [term], weight, reason },
    );
  };
  // An everyday phrasing ("lies") is a cue to the concept, not its name: its other
  // names and its lessons are related to the question rather than what it asks.
  const cue = concepts.every((c) => c.members.find((m) => m.key === group.key)?.everyday);
  // A lesson tagged with the concept is about it. When the concept goes by another name
  // than the one the question used ("genogram" is a word of family history), a lesson
  // matched only by its tag says so.
  const tag = (concept: Concept | undefined): void => {
    if (concept?.tag === undefined) return;
    const named = !cue && phraseKey(concept.label) === phraseKey(label);
    const reason = named ? undefined : `${lowerLabel(concept)} (related to '${group.typed}')`;
    add(concept.tag, cue ? RELATED_WEIGHT : TAG_WEIGHT, reason);
  };
  // A glossary term the question names is its meaning; a theme or agency that shares the
  // name ("family tree", of genogram and of family history) brings its lessons, but not
  // its other, broader words, unless it is the same concept ("CSE").
  const precise = concepts.find((c) => c.kind === 'glossary');
  const broader = (c: Concept): boolean =>
    precise !== undefined && c !== precise && phraseKey(c.label) !== phraseKey(precise.label);
  for (const concept of concepts) {
    const other = concept.kind === 'glossary' && !cue ? EQUIVALENT_WEIGHT : RELATED_WEIGHT;
    for (const m of concept.members) {
      if (m.key === group.key) add(m.term, TYPED_WEIGHT);
      else if (!broader(concept)) add(m.term, other);
    }
    tag(concept);
    for (const theme of concept.themes) tag(lexicon.concepts[theme]);
  }
  // Names no lesson uses cost a lookup each and find nothing.
  const alternatives = [...chosen.values()]
    .filter((a) => ctx.frequency(a.terms[0] ?? '') > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_ALTERNATIVES);
  const topic = concepts.some((c) => c.kind === 'glossary' || c.kind === 'theme');
  const agency = concepts.every((c) => c.kind === 'agency');
  return {
    surface: group.surface,
    typed: group.typed,
    kind: topic ? 'topic' : 'context',
    reason: because(label, group.typed),
    alternatives,
    strong: true,
    uncovered: topic && alternatives.length === 0,
    share: topic || !agency ? TOPIC_SHARE : AGENCY_SHARE,
  };
}

function wordGroup(group: MatchedGroup, ctx: PlanContext): QueryGroup {
  const alternatives: Alternative[] = group.stems.map((terms) => ({ terms, weight: TYPED_WEIGHT }));
  const [only] = group.stems.length === 1 && group.stems[0]?.length === 1 ? group.stems[0] : [];
  const themes = only === undefined ? [] : (ctx.lexicon.themesByWord.get(only) ?? []);
  const broad = MAX_HINTED_THEME_SHARE * ctx.lessonCount;
  if (themes.length <= MAX_THEMES_PER_WORD) {
    for (const theme of themes) {
      const tag = ctx.lexicon.concepts[theme]?.tag;
      if (tag !== undefined && ctx.frequency(tag) <= broad)
        alternatives.push({ terms: [tag], weight: WORD_IN_THEME_WEIGHT });
    }
  }
  return {
    surface: group.surface,
    typed: group.typed,
    kind: 'word',
    reason: because(group.surface, group.typed),
    alternatives,
    strong: alternatives.some((a) => isSpecific(a.terms, ctx)),
    uncovered: false,
    share: 1,
  };
}

function completionGroup(completion: Completion, ctx: PlanContext): QueryGroup {
  const alternative: Alternative = { terms: [completion.term], weight: COMPLETION_WEIGHT };
  if (completion.prefix) alternative.prefix = true;
  return {
    surface: completion.surface,
    typed: completion.surface,
    kind: 'completion',
    reason: because(completion.suggestion, completion.surface),
    alternatives: [alternative],
    strong: isSpecific([completion.stem], ctx),
    uncovered: false,
    share: 1,
  };
}

/** A word's stem, not a phrase's or a tag's term (see terms.ts). */
const isWord = (term: string): boolean => !term.startsWith('"') && !term.startsWith('~');

/**
 * A word in few enough lessons to say something on its own, but in some: a word known only
 * from the glossary ("mum", of "mum's boyfriend") matches nothing.
 */
function isSpecific(terms: readonly string[], ctx: PlanContext): boolean {
  const limit = Math.max(COMMON_SHARE * ctx.lessonCount, MIN_COMMON_LESSONS);
  const lessons = Math.min(...terms.map((t) => ctx.frequency(t)));
  return lessons > 0 && lessons <= limit;
}

/** "chronology (from 'chronologies')", or the word alone when that is what was typed. */
function because(what: string, typed: string): string {
  const loose = (s: string): string => s.toLowerCase().replace(/[-\s]+/g, ' ');
  return loose(what) === loose(typed) ? typed : `${what} (from '${typed}')`;
}

/** The name a group is shown by: the glossary's current term, else the theme's, agency's or review's. */
function conceptLabel(concepts: readonly Concept[]): string {
  const order: Concept['kind'][] = ['glossary', 'theme', 'agency', 'review'];
  const [first] = [...concepts].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return first === undefined ? '' : lowerLabel(first);
}

/** "Children in care" reads as a name in a sentence; "MARAC" and "Child R" keep their capitals. */
function lowerLabel(concept: Concept): string {
  const word = concept.label.split(' ')[0] ?? '';
  const keep = concept.kind === 'review' || word === word.toUpperCase();
  return keep ? concept.label : concept.label.charAt(0).toLowerCase() + concept.label.slice(1);
}

/**
 * Themes named by the question: a phrase that is a theme's label or synonym, or a
 * glossary term that shares a name with one ("CSE" → child sexual exploitation).
 */
function namedThemes(groups: readonly MatchedGroup[], lexicon: Lexicon): Set<string> {
  const themes = new Set<string>();
  for (const group of groups) {
    for (const c of group.concepts) {
      const concept = lexicon.concepts[c];
      if (concept?.kind === 'theme') themes.add(concept.id);
      for (const theme of concept?.themes ?? []) {
        const linked = lexicon.concepts[theme];
        if (linked !== undefined) themes.add(linked.id);
      }
    }
  }
  return themes;
}

function expansionsOf(groups: readonly MatchedGroup[], lexicon: Lexicon): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    if (group.concepts.length === 0) continue;
    // Keyed by lower case: "Child sexual exploitation" (a theme) and "child sexual
    // exploitation" (a glossary term) are one expansion.
    const others = new Map<string, string>([[group.surface.toLowerCase(), '']]);
    for (const c of group.concepts) {
      const concept = lexicon.concepts[c];
      if (concept === undefined || concept.kind === 'review') continue;
      for (const m of concept.members) {
        const key = m.text.toLowerCase();
        // Theme and agency ids ("domestic-abuse") repeat their labels; everyday phrasings
        // are how people ask, not names to show.
        if (m.everyday || others.has(key) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(m.text)) continue;
        others.set(key, m.text);
      }
    }
    const shown = [...others.values()].filter((t) => t !== '');
    if (shown.length > 0) out[group.surface] = shown.slice(0, MAX_EXPANSIONS_SHOWN);
  }
  return out;
}
