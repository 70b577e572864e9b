/** The shape of search answers: the CLI's `search --json` prints exactly this. */

export interface SearchOptions {
  /** results to return, default 5, at most 50 */
  limit?: number;
  /** results to skip, for "More results" */
  offset?: number;
}

export interface ReviewRef {
  id: string;
  title: string;
  area: string;
  published: string;
  /** null when the review gives no link */
  url: string | null;
}

export interface SearchResult {
  id: string;
  title: string;
  text: string;
  review: ReviewRef;
  themes: string[];
  /** higher is better; comparable only within one answer */
  score: number;
  /**
   * Why it matched: the parts of the question it covers, as concepts or words, e.g.
   * ["chronology (from 'chronologies')", "neglect"]. Empty when only filters were given.
   */
  matched: string[];
}

export interface ThemeSuggestion {
  id: string;
  label: string;
  /** lessons in the corpus with this theme */
  count: number;
}

/** How the question was understood, so a reply can say so ("showing results for …"). */
export interface QueryUnderstanding {
  /** the words searched for, after filler, punctuation and stop-words were removed */
  terms: string[];
  /** glossary expansions applied, e.g. { "CSE": ["child sexual exploitation"] } */
  expansions: Record<string, string[]>;
  /** themes named in the question */
  themes: string[];
  filters: {
    theme?: string[];
    review?: string[];
    agency?: string[];
    since?: number;
  };
  /**
   * What the user should be told about the question, each a sentence safe to show:
   * a filter that names nothing ("No theme matches …; send "themes" to see them all."),
   * a filter read as something close ("Read "theme:chronolgy" as theme:chronologies."),
   * an invalid year, a question cut at its maximum length. Present on every answer.
   */
  problems?: string[];
  /** words read as a close known word, e.g. { "escalaton": "escalation" } */
  corrections?: Record<string, string>;
  /** words found nowhere in the lessons, not even nearly */
  unknown?: string[];
  /**
   * Words of the question, as written, naming a topic of the field (a theme or glossary
   * term) that no lesson here covers yet, e.g. ["FGM"].
   */
  uncovered?: string[];
}

export interface SearchResponse {
  query: string;
  /** all matches, of which `results` is the page asked for */
  total: number;
  results: SearchResult[];
  understood: QueryUnderstanding;
  /** a corrected question when a word looked misspelt, e.g. "escalation" for "escalaton" */
  didYouMean?: string;
  /** when nothing matched: themes worth trying instead */
  suggestions: ThemeSuggestion[];
}

/** Where a search index came from, for logs and benchmarks. */
export interface IndexOrigin {
  /**
   * built here from the corpus, loaded from a cache file written earlier, or loaded from
   * data a worker thread built (a reload)
   */
  source: 'built' | 'cache' | 'worker';
  /** the cache file read or written, when a cache folder was given */
  cacheFile?: string;
  /** why the cache was not used or could not be written, when that happened */
  cacheProblem?: string;
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchResponse;
  /** lesson ids in the index, for tests and diagnostics */
  readonly size: number;
  readonly origin?: IndexOrigin;
}
