/**
 * Themes, agencies, glossary and areas of the synthetic corpus, modelled on the field's
 * real taxonomy (as in lessons/themes.yaml, agencies.yaml and glossary.yaml) so that query
 * understanding has something realistic to recognise.
 */

import type { Agency, GlossaryEntry, Theme } from '../../src/core/lessons/types.ts';

const theme = (id: string, label: string, synonyms: string[]): Theme => ({
  id,
  label,
  description: `Lessons about ${label.toLowerCase()}.`,
  synonyms,
});

export const THEMES: readonly Theme[] = [
  theme('neglect', 'Neglect', ['persistent unmet needs', 'poor home conditions']),
  theme('domestic-abuse', 'Domestic abuse', ['domestic violence', 'coercive control']),
  theme('substance-misuse', 'Parental substance misuse', ['drugs and alcohol', 'substance use']),
  theme('parental-mental-health', 'Parental mental ill health', ['maternal depression']),
  theme('toxic-trio', 'Toxic trio', ['trilogy of risk', 'multiple and complex needs']),
  theme('cse', 'Child sexual exploitation', ['grooming', 'sexual exploitation']),
  theme('cce', 'Child criminal exploitation', ['county lines', 'criminal exploitation']),
  theme('contextual-safeguarding', 'Contextual safeguarding', ['extra-familial harm']),
  theme('intrafamilial-csa', 'Child sexual abuse in the family', ['intrafamilial abuse']),
  theme('nai-babies', 'Non-accidental injury in babies', ['abusive head trauma', 'shaken baby']),
  theme('safer-sleep', 'Safer sleep', ['co-sleeping', 'sudden unexpected death in infancy']),
  theme('hidden-men', 'Hidden men', ['invisible men', 'male carers']),
  theme('children-in-care', 'Children in care', ['looked after children', 'care leavers']),
  theme('disabled-children', 'Disabled children', ['deaf children', 'special needs']),
  theme('voice-of-the-child', 'Voice of the child', ['lived experience', 'child focus']),
  theme('information-sharing', 'Information sharing', ['sharing information', 'data protection']),
  theme('multi-agency-working', 'Multi-agency working', ['partnership working', 'joint working']),
  theme('chronologies', 'Chronologies', ['chronology', 'timeline of events']),
  theme('escalation', 'Escalation', ['professional challenge', 'professional disagreement']),
  theme('professional-curiosity', 'Professional curiosity', ['respectful uncertainty']),
  theme('disguised-compliance', 'Disguised compliance', ['apparent cooperation']),
  theme('start-again-syndrome', 'Start again syndrome', ['fresh eyes', 'losing the history']),
  theme('rule-of-optimism', 'Rule of optimism', ['optimism bias', 'over-optimism']),
  theme('risk-assessment', 'Risk assessment', ['critical thinking', 'analysis of risk']),
  theme('think-family', 'Think Family', ['whole-family approach']),
  theme('was-not-brought', 'Was not brought', ['missed appointments', 'did not attend']),
  theme('not-in-school', 'Children not in school', ['elective home education', 'absence']),
  theme('adolescents', 'Adolescents', ['teenagers', 'young people']),
  theme('early-help', 'Early help and thresholds', ['threshold disputes', 'level of need']),
  theme('supervision', 'Supervision', ['reflective supervision', 'management oversight']),
];

const agency = (id: string, label: string, synonyms: string[]): Agency => ({
  id,
  label,
  synonyms,
});

export const AGENCIES: readonly Agency[] = [
  agency('childrens-social-care', "Children's social care", ['social services', 'CSC']),
  agency('police', 'Police', ['constabulary']),
  agency('health-visiting', 'Health visiting', ['health visitor', 'HV']),
  agency('gp', 'General practice', ['GP', 'family doctor']),
  agency('midwifery', 'Midwifery', ['midwife', 'maternity']),
  agency('emergency-department', 'Emergency department', ['A&E', 'ED']),
  agency('school', 'Schools', ['education', 'school nurse']),
  agency('early-years', 'Early years', ['nursery', 'childminder']),
  agency('camhs', 'Child and adolescent mental health services', ['CAMHS']),
  agency('adult-mental-health', 'Adult mental health services', ['AMHS']),
  agency('substance-services', 'Drug and alcohol services', ['substance misuse service']),
  agency('housing', 'Housing', ['landlord', 'homelessness service']),
  agency('probation', 'Probation', ['probation service']),
  agency('youth-justice', 'Youth justice', ['YOT', 'youth offending team']),
  agency('ambulance', 'Ambulance service', ['paramedics']),
  agency('paediatrics', 'Paediatrics', ['paediatrician']),
  agency('domestic-abuse-services', 'Domestic abuse services', ['IDVA', 'refuge']),
  agency('cafcass', 'Cafcass', ['CAFCASS', 'children and family court advisory']),
  agency('early-help', 'Early help', ['family support', 'TAF']),
  agency('voluntary-sector', 'Voluntary sector', ['charity', 'third sector']),
];

/** [term, abbreviation(s) separated by "/", formerly (optional)] */
const GLOSSARY_ROWS: readonly (readonly [string, string, string?])[] = [
  ['looked after child', 'LAC'],
  ['children looked after', 'CLA', 'LAC'],
  ['children in care', 'CIC'],
  ['child in need', 'CIN'],
  ['child protection', 'CP'],
  ['child protection plan', 'CPP', 'child protection register'],
  ['initial child protection conference', 'ICPC/ICPCC'],
  ['review child protection conference', 'RCPC'],
  ['core group', 'CG'],
  ['section 47 enquiry', 'S47'],
  ['section 20 accommodation', 'S20'],
  ['public law outline', 'PLO'],
  ['special guardianship order', 'SGO'],
  ['interim care order', 'ICO'],
  ['emergency protection order', 'EPO'],
  ['police protection order', 'PPO'],
  ['child arrangements order', 'CAO', 'residence order'],
  ['parental responsibility', 'PR'],
  ['team around the family', 'TAF'],
  ['family group conference', 'FGC'],
  ['early help assessment', 'EHA', 'common assessment framework'],
  ['education, health and care plan', 'EHCP'],
  ['special educational needs', 'SEN'],
  ['child missing education', 'CME'],
  ['elective home education', 'EHE'],
  ['independent reviewing officer', 'IRO'],
  ['designated officer', 'LADO', 'local authority designated officer'],
  ['designated safeguarding lead', 'DSL'],
  ['general practitioner', 'GP'],
  ['health visitor', 'HV'],
  ['multi-agency safeguarding hub', 'MASH'],
  ['multi-agency risk assessment conference', 'MARAC'],
  ['multi-agency public protection arrangements', 'MAPPA'],
  ['domestic abuse', 'DA/DV', 'domestic violence'],
  ['domestic abuse, stalking and harassment checklist', 'DASH'],
  ['independent domestic violence advocate', 'IDVA'],
  ['honour-based abuse', 'HBV/HBA', 'honour-based violence'],
  ['child sexual exploitation', 'CSE'],
  ['child criminal exploitation', 'CCE/CE'],
  ['child sexual abuse', 'CSA'],
  ['female genital mutilation', 'FGM'],
  ['fabricated or induced illness', 'FII'],
  ['non-accidental injury', 'NAI'],
  ['adverse childhood experiences', 'ACEs'],
  ['no further action', 'NFA'],
  ['achieving best evidence', 'ABE'],
  ['child death overview panel', 'CDOP'],
  ['child and adolescent mental health services', 'CAMHS'],
  ['youth offending team', 'YOT/YOS'],
  ["children's social care", 'CSC'],
  ['emergency department', 'A&E/ED'],
  ['serious case review', 'SCR'],
  ['local child safeguarding practice review', 'LCSPR/CSPR', 'serious case review'],
  ['rapid review', 'RR'],
  ['local safeguarding children partnership', 'LSCP', 'local safeguarding children board'],
  ['integrated care board', 'ICB', 'clinical commissioning group'],
  ['domestic homicide review', 'DHR'],
  ['individual management review', 'IMR'],
  ['was not brought', 'WNB', 'did not attend'],
  ['sudden unexpected death in infancy', 'SUDI'],
];

export const GLOSSARY: readonly GlossaryEntry[] = GLOSSARY_ROWS.map(([term, also, formerly]) => ({
  term,
  also: also.split('/'),
  formerly: formerly === undefined ? [] : [formerly],
}));

/** Every abbreviation in the glossary, e.g. "MASH", "A&E". */
export const ABBREVIATIONS: readonly string[] = GLOSSARY.flatMap((g) => g.also);

export const AREAS: readonly string[] = `Southwark Cumbria Croydon Haringey Birmingham Leeds
Manchester Liverpool Newcastle Bristol Sheffield Nottingham Leicester Coventry Bradford Kirklees
Wakefield Doncaster Rotherham Barnsley Sunderland Gateshead Durham Northumberland Lancashire
Blackpool Cheshire Wirral Sefton Stockport Oldham Rochdale Bolton Wigan Salford Trafford Tameside
Derbyshire Staffordshire Shropshire Herefordshire Worcestershire Warwickshire Northamptonshire
Lincolnshire Norfolk Suffolk Essex Kent Surrey Sussex Hampshire Dorset Devon Cornwall Somerset
Wiltshire Gloucestershire Oxfordshire Buckinghamshire Hertfordshire Bedfordshire Cambridgeshire
Lambeth Lewisham Hackney Islington Camden Westminster Brent Ealing Hounslow Hillingdon Harrow
Barnet Enfield Waltham Newham Redbridge Havering Bexley Bromley Sutton Merton Wandsworth Swindon
Walsall Wolverhampton Sandwell Dudley Solihull Telford Stoke Cardiff Swansea Newport Wrexham`.split(
  /\s+/,
);
