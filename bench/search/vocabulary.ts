/**
 * The word stock of the synthetic corpus: safeguarding field words and general English,
 * with generated word forms (plurals, -s, -ing, -ed, possessives) so that a search engine
 * without stemming visibly misses "chronologies" when asked for "chronology".
 *
 * Roots are grouped by how they inflect. A trailing "+" doubles the final consonant
 * before -ing/-ed ("refer+" → referring, referred).
 */

import { createRandom } from './random.ts';

/** Words too common to mean anything on their own: the top of the Zipf ranking. */
export const FUNCTION_WORDS: readonly string[] = `the of and to a in was that for with not be
by on were had as at this from or an it his her their they she he there been which would when
who have has is are but all no more also about into than could should did any other some such
these those what how why where did not its our we them been being after before during while
because if then so very only over between`
  .split(/\s+/)
  .filter((w, i, all) => w !== '' && all.indexOf(w) === i);

/** Nouns: singular and plural. */
const FIELD_NOUNS = `assessment chronology referral threshold practitioner child parent carer mother
father sibling family household partner stepfather grandparent baby infant toddler adolescent
teenager injury fracture conference meeting strategy enquiry investigation case caseload worker
manager nurse midwife visitor doctor paediatrician police officer teacher school nursery hospital
clinic surgery ward court order placement guardian advocate interpreter language culture
ethnicity religion disability vulnerability exploitation gang drug substance addiction depression
anxiety trauma bruise burn scald appointment absence attendance exclusion agency service
partnership board panel review learning lesson recommendation finding theme pattern history
episode incident allegation disclosure statement interview evidence threshold capacity
parenting relationship boundary routine neighbour friend peer home flat hostel accommodation
tenancy benefit debt poverty housing sleep cot bed feeding weight growth development milestone
speech behaviour emotion wellbeing resilience strength factor indicator sign symptom
vulnerability thresholds decision judgement hypothesis bias optimism curiosity challenge
disagreement supervisor supervision consultation discussion handover transfer closure
escalation chronology genogram ecomap timeline summary report minute action outcome contact
visit sighting observation opinion view voice wish feeling experience perspective advocacy
consent confidentiality protocol procedure policy guidance legislation duty responsibility
accountability leadership culture workforce training induction capacity resource budget
commissioner inspection audit quality standard framework model tool checklist template system
database portal email letter phone call message text note entry file
bruising mark injury explanation presentation admission discharge referrer assessor
therapist counsellor psychologist psychiatrist health-visitor social-worker team-leader
headteacher governor landlord probation prison sentence offence offender victim survivor
perpetrator witness suspect arrest caution bail custody warrant refuge shelter helpline
pregnancy birth antenatal postnatal newborn premature cot-death sibling stepmother uncle aunt
cousin boyfriend girlfriend lodger visitor stranger adult-social-care transition care-leaver
foster-carer residential unit hostel pupil classroom teacher tutor mentor coach youth-worker
worry warning flag alert trigger concern barrier gap weakness failure omission delay drift
uncertainty ambiguity complexity severity frequency duration intensity`.split(/\s+/);

/** Verbs: base, -s, -ing, -ed. */
const FIELD_VERBS = `assess escalate refer+ neglect abuse harm protect safeguard share record
investigate interview visit observe monitor review discuss challenge question explain report
disclose attend miss cancel+ engage comply co-operate consult supervise manage plan+ allocate
transfer close support signpost advise inform notify request respond intervene prevent reduce
identify recognise consider reflect analyse triangulate verify check confirm document communicate
coordinate convene chair attend groom exploit traffic control threaten injure bruise shake+
feed+ sleep wake cry care parent drink smoke use deal struggle cope recover relapse`
  .split(/\s+/)
  .filter((v) => !['feed+', 'sleep', 'wake'].includes(v));

const GENERAL_NOUNS = `time day week month year morning evening night weekend holiday house room
kitchen garden car bus street town city area region country people person man woman boy girl
student adult group team staff member colleague client patient customer public community
society world life health money work job role task problem issue question answer reason result
effect impact change difference number amount level rate cost price value point part side end
start beginning way method approach process step stage phase period moment occasion example
case fact detail information knowledge skill ability opportunity need interest idea thought
belief memory story account view word name address number form paper book page list record
event situation condition position state status context background basis base ground place
location distance journey trip move choice option alternative chance risk danger threat safety
security trust respect confidence support help care attention priority focus aim goal purpose
target plan project programme scheme initiative meeting session appointment visit call message
conversation comment response reply feedback complaint request decision agreement arrangement
contract rule law right duty power authority control order system structure network link
connection relation tool equipment device computer screen phone camera photo picture image
sound noise voice music game toy food meal drink bottle nappy clothes shoe bag box door window
wall floor stair table chair bed light heat water fire smoke smell`.split(/\s+/);

const GENERAL_VERBS = `ask tell+ say see look watch listen hear talk speak call answer start finish
open close move walk run+ drive leave arrive return stay live work help want need like love
hate hope expect believe think know understand remember forget learn teach show explain describe
mention suggest agree refuse accept allow stop+ continue remain become seem appear happen occur
follow lead cause change improve increase decrease develop grow create produce provide receive
give take make keep hold carry bring send buy pay spend save lose find lose win try open point
wait worry rely depend concern include involve contain mean matter count require fail succeed
decide choose prepare organise arrange complete achieve attempt consider notice realise recognise
visit wonder learn+ expect guess imagine enter exit push pull lift drop+ touch hurt shout scream
laugh smile play+ clean wash cook shop+ travel+ phone text email print sign post fill deliver
collect gather measure weigh test join split+ settle handle treat examine admit+ discharge
question argue fight shout threaten promise warn remind invite welcome thank apologise blame
doubt trust`
  .split(/\s+/)
  .filter(
    (v) =>
      !/^(tell|say|see|hear|speak|leave|drive|give|take|make|keep|hold|bring|send|buy|pay|spend|lose|find|win|hurt|split|choose|grow|know|understand|forget|teach|think|become|mean|lead|run)\+?$/.test(
        v,
      ),
  );

/** Irregular or fixed forms: indexed as they are. */
const FIXED = `said seen told heard spoke spoken left drove given gave taken took made kept held
brought sent bought paid spent lost found won grew grown known understood forgot forgotten taught
thought became meant led ran children men women people data criteria media unborn non-mobile
multi-agency self-harm co-sleeping follow-up step-down well-being face-to-face out-of-hours
safeguarding social emotional physical sexual criminal domestic mental medical clinical legal
statutory local national regional professional personal parental paternal maternal young old
new early late recent previous current future significant serious severe chronic acute complex
multiple single vulnerable unsafe safe clear unclear poor good better best worse worst high low
full partial limited effective robust consistent inconsistent appropriate inappropriate
independent separate joint shared common specific particular general wider whole key main major
minor initial final formal informal verbal written unannounced announced overdue missing absent
present hidden invisible visible disguised apparent genuine lived frequent repeated persistent
cumulative accidental non-accidental unexplained unexpected sudden sadly however therefore
although despite whether often always never sometimes again already still soon later together
within without across against towards around`.split(/\s+/);

/** Possessives and contractions: the one-letter-token trap of naive tokenizers. */
const POSSESSIVES = `children's child's mother's father's baby's family's parent's carer's
worker's school's doesn't didn't wasn't couldn't wouldn't isn't`.split(/\s+/);

const ADJECTIVE_ROOTS = `neglectful abusive protective supportive reflective curious concerned
worried isolated withdrawn aggressive violent controlling coercive anxious depressed distressed
hungry dirty unkempt thin tired`.split(/\s+/);

function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function verbForms(entry: string): string[] {
  const double = entry.endsWith('+');
  const base = double ? entry.slice(0, -1) : entry;
  const last = base.at(-1) ?? '';
  const stem = double ? base + last : base;
  let ing: string;
  let ed: string;
  if (base.endsWith('ie')) {
    ing = `${base.slice(0, -2)}ying`;
    ed = `${base}d`;
  } else if (base.endsWith('e') && !/(ee|ye|oe)$/.test(base)) {
    ing = `${base.slice(0, -1)}ing`;
    ed = `${base}d`;
  } else if (/[^aeiou]y$/.test(base)) {
    ing = `${base}ing`;
    ed = `${base.slice(0, -1)}ied`;
  } else {
    ing = `${stem}ing`;
    ed = `${stem}ed`;
  }
  return [base, plural(base), ing, ed];
}

export interface Vocabulary {
  /** every surface form, most frequent first (rank 0 is the most common) */
  words: readonly string[];
  /** content words (no function words), most frequent first: for titles and queries */
  contentWords: readonly string[];
  /** surface form → its root, for tests and typo generation */
  rootOf: ReadonlyMap<string, string>;
  /** field words (safeguarding), a subset of words */
  fieldWords: ReadonlySet<string>;
}

/**
 * Builds the vocabulary: function words first, then all other forms in a deterministic
 * weighted order that favours field words and base forms, so that the Zipf head holds
 * "the", "and", "child", "assessment" and the tail holds "triangulated" and "scalds".
 */
export function buildVocabulary(seed = 'vocabulary-v1'): Vocabulary {
  const rootOf = new Map<string, string>();
  const field = new Set<string>();
  const weightOf = new Map<string, number>();
  const add = (form: string, root: string, isField: boolean, isBase: boolean): void => {
    if (rootOf.has(form) || FUNCTION_WORDS.includes(form)) return;
    rootOf.set(form, root);
    if (isField) field.add(form);
    weightOf.set(form, (isField ? 3 : 1) * (isBase ? 2 : 1));
  };
  for (const n of FIELD_NOUNS) {
    add(n, n, true, true);
    add(plural(n), n, true, false);
  }
  for (const v of FIELD_VERBS) {
    const forms = verbForms(v);
    forms.forEach((f, i) => {
      add(f, forms[0] ?? f, true, i === 0);
    });
  }
  for (const n of GENERAL_NOUNS) {
    add(n, n, false, true);
    add(plural(n), n, false, false);
  }
  for (const v of GENERAL_VERBS) {
    const forms = verbForms(v);
    forms.forEach((f, i) => {
      add(f, forms[0] ?? f, false, i === 0);
    });
  }
  for (const a of ADJECTIVE_ROOTS) {
    add(a, a, true, true);
    add(`${a.replace(/y$/, 'i')}ly`, a, true, false);
  }
  for (const w of FIXED) add(w, w, false, true);
  for (const p of POSSESSIVES) add(p, p.replace(/'.*$/, ''), true, false);

  // Efraimidis–Spirakis weighted ordering: key = u^(1/w), largest first.
  const random = createRandom(seed);
  const keyed = [...weightOf].map(([form, w]) => ({ form, key: random.next() ** (1 / w) }));
  keyed.sort((a, b) => b.key - a.key || (a.form < b.form ? -1 : 1));
  const contentWords = keyed.map((k) => k.form);
  return {
    words: [...FUNCTION_WORDS, ...contentWords],
    contentWords,
    rootOf,
    fieldWords: field,
  };
}
