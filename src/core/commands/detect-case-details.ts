/**
 * Practitioners sometimes paste case details into a question. We never store
 * questions, but we remind people not to share such details in chat. These checks
 * are deliberately cautious: a reminder too many is better than one too few.
 */
export type CaseDetail =
  | 'date of birth'
  | 'NHS number'
  | 'address'
  | 'phone number'
  | 'name with a role';

const FULL_DATE = /\b(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](\d{4}|\d{2})\b/;
const DOB_WORDS = /\b(d\.?o\.?b\.?|date of birth|born on)\b/i;
const NHS_CANDIDATE = /\b(\d{3})[ -]?(\d{3})[ -]?(\d{4})\b/g;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/i;
const STREET =
  /\b\d{1,4}[a-z]?,?\s+(\p{L}+\s+){1,3}(road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|court|place|grove|gardens|terrace|mews|walk|square)\b/iu;
const UK_PHONE = /(?:\+44\s?7\d{3}|\b07\d{3})\s?\d{3}\s?\d{3}\b/;

/** NHS numbers carry a modulus-11 check digit; testing it avoids flagging any 10 digits. */
function isNhsNumber(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export function detectCaseDetails(text: string): CaseDetail[] {
  const found = new Set<CaseDetail>();
  if (FULL_DATE.test(text) || DOB_WORDS.test(text)) found.add('date of birth');
  for (const m of text.matchAll(NHS_CANDIDATE)) {
    if (isNhsNumber(`${m[1]}${m[2]}${m[3]}`)) found.add('NHS number');
  }
  if (POSTCODE.test(text) || STREET.test(text)) found.add('address');
  if (UK_PHONE.test(text)) found.add('phone number');
  return [...found];
}

/** Roles as they are written in running text or in a title ("Manager", "health visitor"). */
const ROLE = `(?:${[
  'social worker',
  'health visitor',
  'school nurse',
  'head ?teacher',
  'teacher',
  'GP',
  'midwife',
  'nurse',
  'police officer',
  'officer',
  'detective',
  'manager',
  'chair(?:person)?',
  'paediatrician',
  'doctor',
  'consultant',
  'support worker',
  'key worker',
  'foster carer',
  'step-?father',
  'step-?mother',
  'grandmother',
  'grandfather',
  'mother',
  'father',
  'partner',
]
  .map((role) => role.replace(/\b([a-z])/g, (c) => `[${c.toUpperCase()}${c}]`))
  .join('|')})`;
const NAME = '[A-Z][a-z]+\\s+[A-Z][a-z]{2,}';
/** "Mrs Smith": a title and a surname (an anonymised "Mr A" is not flagged). */
const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]{2,}/;
/** "Sarah Peel, Manager of …", "Jo Bloggs (the health visitor)", "Sarah Baker, CSCB Independent Chair" */
const NAME_THEN_ROLE = new RegExp(
  `\\b${NAME},?\\s+\\(?(?:the\\s+|an?\\s+|her\\s+|his\\s+|their\\s+)?(?:[A-Z][A-Za-z]*\\s+){0,3}${ROLE}\\b`,
);
/** "the health visitor, Jo Bloggs" */
const ROLE_THEN_NAME = new RegExp(`\\b${ROLE},?\\s+${NAME}\\b`);

/**
 * Case details plus names given with a role: for documents, whose text must be checked
 * before it is quoted. Questions use {@link detectCaseDetails}: people ask about "Baby
 * Peter" by name, and that is no reason for a reminder.
 */
export function detectPersonalData(text: string): CaseDetail[] {
  const found = detectCaseDetails(text);
  if (TITLED_NAME.test(text) || NAME_THEN_ROLE.test(text) || ROLE_THEN_NAME.test(text))
    found.push('name with a role');
  return found;
}

export function privacyReminder(details: readonly CaseDetail[]): string {
  return (
    `Your question seems to include case details (${details.join(', ')}). ` +
    'Please do not share names, dates of birth, addresses or NHS numbers in chat: ' +
    'lessons-bot answers from published reviews only and does not need them.'
  );
}
