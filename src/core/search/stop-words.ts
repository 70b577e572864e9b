/**
 * Words that say nothing about what a lesson is about. They are left out of the index
 * and of queries: a question made only of them is an honest empty answer, and leaving
 * them out keeps broad queries from touching every lesson.
 *
 * Kept deliberately: "not" is a stop-word only because phrases that need it ("was not
 * brought") are matched as phrases before stop-words are dropped. The second part of the
 * list is words practitioners put in questions that say nothing of the topic ("lots of",
 * "really", "across"): in a corpus of a few hundred lessons, a word that happens to be
 * rare there would otherwise count as the question's most specific part.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can cannot could couldn't did didn't do does doesn't
  doing don't down during each either etc few for from further had hadn't has hasn't have
  haven't having he he'd he'll he's her here here's hers herself him himself his how how's
  however i i'd i'll i'm i've if in into is isn't it it's its itself just let's may me might
  more most must mustn't my myself no nor not of off on once only or other ought our ours
  ourselves out over own per same shall shan't she she'd she'll she's should shouldn't so
  some such than that that's the their theirs them themselves then there there's these they
  they'd they'll they're they've this those through to too under until up upon us very via
  was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
  whether which while who who's whom whose why why's will with within without won't would
  wouldn't yet you you'd you'll you're you've your yours yourself yourselves nobody somebody
  anybody everybody someone anyone everyone nothing something anything everything
  many much lots lot several really actually even ever every always often still quite rather
  already across towards around among maybe perhaps probably anyway thing things stuff kind
  sort okay ok yes one`
    .split(/\s+/)
    .filter((w) => w !== '')
    // Tokens reach this set with apostrophes removed ("don't" → "dont").
    .map((w) => w.replace(/'/g, '')),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
