import porter2 from 'wink-porter2-stemmer';

/** Irregular past tenses and participles, by their base verb. */
const IRREGULAR_VERBS: Readonly<Record<string, string[]>> = {
  know: ['knew', 'known'],
  tell: ['told'],
  say: ['said'],
  see: ['saw', 'seen'],
  give: ['gave', 'given'],
  take: ['took', 'taken'],
  go: ['went', 'gone'],
  feel: ['felt'],
  keep: ['kept'],
  think: ['thought'],
  find: ['found'],
  make: ['made'],
  bring: ['brought'],
  hear: ['heard'],
  speak: ['spoke', 'spoken'],
  write: ['wrote', 'written'],
  meet: ['met'],
  lose: ['lost'],
  send: ['sent'],
  hold: ['held'],
  understand: ['understood'],
  forget: ['forgot', 'forgotten'],
  teach: ['taught'],
  begin: ['began', 'begun'],
  become: ['became'],
  choose: ['chose', 'chosen'],
  fall: ['fell', 'fallen'],
  hide: ['hid', 'hidden'],
  grow: ['grew', 'grown'],
  stand: ['stood'],
  sleep: ['slept'],
  fight: ['fought'],
  catch: ['caught'],
  break: ['broke', 'broken'],
  shake: ['shook', 'shaken'],
  throw: ['threw', 'thrown'],
};

/**
 * Word forms Porter2 leaves apart but a practitioner means as one: irregular plurals and
 * verbs, and a few derivations common in the field ("compliance" is what "comply" names).
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ...Object.entries(IRREGULAR_VERBS).flatMap(([base, forms]) =>
    forms.map((form): [string, string] => [form, base]),
  ),
  ['children', 'child'],
  ['grandchildren', 'grandchild'],
  ['stepchildren', 'stepchild'],
  ['men', 'man'],
  ['women', 'woman'],
  ['people', 'person'],
  ['wives', 'wife'],
  ['lives', 'life'],
  ['knives', 'knife'],
  ['teeth', 'tooth'],
  ['feet', 'foot'],
  ['analyses', 'analysis'],
  ['crises', 'crisis'],
  ['criteria', 'criterion'],
  ['compliance', 'comply'],
  ['compliant', 'comply'],
  ['noncompliance', 'noncomply'],
  ['noncompliant', 'noncomply'],
  ['referral', 'refer'],
  ['referrals', 'refer'],
  ['disagreement', 'disagree'],
  ['disagreements', 'disagree'],
  ['optimistic', 'optimism'],
  ['skeptical', 'sceptical'],
]);

/** British and American spellings of -ise/-yse verbs stem alike. */
const AMERICAN_IZE = /(?<=[a-z]{2})([iy])z(e|es|ed|ing|ation|ations)$/;

// Porter2 costs microseconds per word and a corpus repeats its words endlessly.
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/**
 * The index and query form of a lower-case word: `chronologies` → `chronolog`,
 * `children` → `child`. Words with digits or `&` ("s47", "a&e") are kept as they are.
 */
export function stem(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const result = computeStem(word);
  // A flood of unique words (an attack, or a huge corpus) must not grow memory for ever.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, result);
  return result;
}

function computeStem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return porter2(irregular);
  return porter2(word.replace(AMERICAN_IZE, '$1s$2'));
}
