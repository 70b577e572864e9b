import type { Lexicon } from './build-lexicon.ts';
import { type MatchedGroup, matchPhrases } from './match-phrases.ts';
import type { QueryGroup, QueryPlan } from './query-plan.ts';
import { readWords } from './read-words.ts';
import type { Speller } from './speller.ts';

/** What planning needs to know about the index. */
export interface PlanContext {
  lexicon: Lexicon;
  speller: Speller;
  /** the stem is in some lesson, or is a glossary, theme or agency word */
  known: (stem: string) => boolean;
  /** lessons with the stem */
  frequency: (stem: string) => number;
  lessonCount: number;
  themePosition: ReadonlyMap<string, number>;
}

export interface PlannedQuery {
  plan: QueryPlan;
  /** each group as the user wrote it (corrected) */
  terms: string[];
  expansions: Record<string, string[]>;
  /** ids of the themes the question names */
  themes: string[];
  corrections: Map<string, string>;
  unknown: string[];
  /** words known only by completing their beginning ("chrono"): less certain than typed ones */
  completed: number;
}

/** Words in more than this share of lessons (counting each field) say little on their own. */
const COMMON_SHARE = 0.5;
/** Prefix completions count less than words typed in full. */
const COMPLETION_WEIGHT = 0.8;
/** Equivalents listed in `understood.expansions`, per group. */
const MAX_EXPANSIONS_SHOWN = 8;

/**
 * Understands a question's topic (filters and filler already removed): which words it
 * has, which are misspelt, which phrases and themes it names, and what to search for.
 */
export function planQuery(text: string, ctx: PlanContext): PlannedQuery {
  const read = readWords(text, ctx.known, ctx.speller);
  const matched = matchPhrases(read.units, ctx.lexicon);
  const completions: MatchedGroup[] = read.completions.map((c) => ({
    surface: c.surface,
    alternatives: c.stems.map((s) => ({ terms: [s], weight: COMPLETION_WEIGHT })),
    concepts: [],
  }));
  const all = [...matched, ...completions];
  const groups = all.map((g) => toQueryGroup(g, ctx));
  const themes = namedThemes(matched, ctx.lexicon);
  const corrections = new Map(read.corrections);
  for (const c of read.completions) corrections.set(c.surface, c.suggestion);
  return {
    plan: { groups, namedThemes: themes.flatMap((id) => ctx.themePosition.get(id) ?? []) },
    terms: all.map((g) => g.surface),
    expansions: expansionsOf(matched, ctx.lexicon),
    themes,
    corrections,
    unknown: read.unknown,
    completed: read.completions.length,
  };
}

/** A term of the field (glossary, theme, agency) is never "just a common word". */
function toQueryGroup(group: MatchedGroup, ctx: PlanContext): QueryGroup {
  const limit = Math.max(COMMON_SHARE * ctx.lessonCount, 10);
  const strong =
    group.concepts.length > 0 ||
    group.alternatives.some((a) => Math.min(...a.terms.map((t) => ctx.frequency(t))) <= limit);
  return { surface: group.surface, alternatives: group.alternatives, strong };
}

/**
 * Themes named by the question: a phrase that is a theme's label or synonym, or a
 * glossary term one of whose equivalents is ("CSE" → "child sexual exploitation").
 */
function namedThemes(groups: readonly MatchedGroup[], lexicon: Lexicon): string[] {
  const themes = new Set<string>();
  for (const group of groups) {
    for (const c of group.concepts) {
      const concept = lexicon.concepts[c];
      if (concept?.kind === 'theme') themes.add(concept.id);
      if (concept?.kind !== 'glossary') continue;
      for (const member of concept.members) {
        for (const other of lexicon.byKey.get(member.key) ?? []) {
          const linked = lexicon.concepts[other];
          if (linked?.kind === 'theme') themes.add(linked.id);
        }
      }
    }
  }
  return [...themes];
}

function expansionsOf(groups: readonly MatchedGroup[], lexicon: Lexicon): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    if (group.concepts.length === 0) continue;
    // Keyed by lower case: "Child sexual exploitation" (a theme) and "child sexual
    // exploitation" (a glossary term) are one expansion.
    const others = new Map<string, string>([[group.surface.toLowerCase(), '']]);
    for (const c of group.concepts) {
      for (const m of lexicon.concepts[c]?.members ?? []) {
        const key = m.text.toLowerCase();
        // Theme and agency ids ("domestic-abuse") repeat their labels.
        if (!others.has(key) && !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(m.text)) others.set(key, m.text);
      }
    }
    const shown = [...others.values()].filter((t) => t !== '');
    if (shown.length > 0) out[group.surface] = shown.slice(0, MAX_EXPANSIONS_SHOWN);
  }
  return out;
}
