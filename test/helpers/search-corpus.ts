/**
 * Builds small in-memory corpora for search tests: lessons, and just enough reviews,
 * themes, agencies and glossary around them. Not part of the search module's API.
 */
import type {
  Agency,
  ConceptEntry,
  Corpus,
  GlossaryEntry,
  Lesson,
  Review,
  Theme,
} from '../../src/core/lessons/index.ts';

export interface TestLesson {
  /** `<review-id>/<n>` */
  id: string;
  title: string;
  text: string;
  themes?: string[];
  agencies?: string[];
  questions?: string[];
}

export interface TestCorpusSpec {
  lessons: TestLesson[];
  /** review id → published date (YYYY, YYYY-MM or YYYY-MM-DD); default 2015 */
  published?: Record<string, string>;
  /** review id → area; default the id's first word, capitalised */
  areas?: Record<string, string>;
  themes?: Theme[];
  agencies?: Agency[];
  glossary?: Partial<GlossaryEntry>[];
  concepts?: ConceptEntry[];
  /** review id → other names for it */
  aliases?: Record<string, string[]>;
  hash?: string;
}

export const theme = (id: string, label: string, synonyms: string[] = []): Theme => ({
  id,
  label,
  description: `Lessons about ${label.toLowerCase()}.`,
  synonyms,
});

export const agency = (id: string, label: string, synonyms: string[] = []): Agency => ({
  id,
  label,
  synonyms,
});

export function buildTestCorpus(spec: TestCorpusSpec): Corpus {
  const lessons: Lesson[] = spec.lessons.map((l) => {
    const [reviewId = '', n = '0'] = l.id.split('/');
    return {
      id: l.id,
      reviewId,
      n: Number(n),
      title: l.title,
      text: l.text,
      themes: l.themes ?? [],
      agencies: l.agencies ?? [],
      questions: l.questions ?? [],
    };
  });
  const reviewIds = [...new Set(lessons.map((l) => l.reviewId))];
  const reviews: Review[] = reviewIds.map((id) => {
    const published = spec.published?.[id] ?? '2015';
    const area = spec.areas?.[id] ?? capitalise(id.split('-')[0] ?? id);
    return {
      id,
      title: `Child ${id.slice(-1).toUpperCase()}`,
      kind: 'scr',
      partnership: `${area} Safeguarding Children Board`,
      area,
      published,
      year: Number(published.slice(0, 4)),
      url: `https://example.org/${id}`,
      summary: 'What happened.',
      aliases: spec.aliases?.[id] ?? [],
      lessonIds: lessons.filter((l) => l.reviewId === id).map((l) => l.id),
      file: `${id}.yaml`,
    };
  });
  const themes = spec.themes ?? defaultThemes(lessons);
  const agencies = spec.agencies ?? [];
  const glossary: GlossaryEntry[] = (spec.glossary ?? []).map((g) => ({
    term: g.term ?? '',
    also: g.also ?? [],
    formerly: g.formerly ?? [],
    ...(g.meaning === undefined ? {} : { meaning: g.meaning }),
  }));
  return {
    reviews,
    lessons,
    themes,
    agencies,
    glossary,
    concepts: spec.concepts ?? [],
    reviewById: new Map(reviews.map((r) => [r.id, r])),
    lessonById: new Map(lessons.map((l) => [l.id, l])),
    themeById: new Map(themes.map((t) => [t.id, t])),
    agencyById: new Map(agencies.map((a) => [a.id, a])),
    hash: spec.hash ?? `test-${JSON.stringify(spec).length}-${lessons.length}`,
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function defaultThemes(lessons: readonly Lesson[]): Theme[] {
  const ids = [...new Set(lessons.flatMap((l) => l.themes))];
  return ids.map((id) => theme(id, capitalise(id.replace(/-/g, ' '))));
}

/** A small corpus with the field's usual traps: word forms, abbreviations, phrases, typos. */
export function sampleCorpus(): Corpus {
  return buildTestCorpus({
    published: {
      'southwark-child-r': '2015-07',
      'cumbria-children-p': '2016',
      'haringey-baby-peter': '2009',
      'croydon-claire': '2017-01',
    },
    themes: [
      theme('chronologies', 'Chronologies', ['chronology', 'timeline']),
      theme('escalation', 'Escalation', ['professional challenge']),
      theme('child-sexual-exploitation', 'Child sexual exploitation', ['CSE', 'grooming']),
      theme('children-in-care', 'Children in care', ['looked after children']),
      theme('disguised-compliance', 'Disguised compliance', ['apparent compliance']),
      theme('domestic-abuse', 'Domestic abuse', ['domestic violence']),
      theme('neglect', 'Neglect'),
      theme('foster-care', 'Foster care', ['foster carers']),
      theme('multi-agency-working', 'Multi-agency working'),
      theme('non-accidental-injury', 'Injuries to babies', ['bruising']),
      theme('court-orders', 'Court orders'),
      theme('unused-theme', 'Private fostering'),
    ],
    agencies: [
      agency('police', 'Police', ['constabulary']),
      agency('emergency-department', 'Emergency department', ['A&E']),
    ],
    glossary: [
      { term: 'children in care', also: ['looked after children', 'CLA'], formerly: ['LAC'] },
      { term: 'child in care review', formerly: ['LAC review'] },
      { term: 'child sexual exploitation', also: ['CSE'] },
      { term: 'supervision order', also: ['SO'] },
      { term: 'section 47 enquiry', also: ['s47', 's.47'] },
      { term: 'disguised compliance', also: ['apparent compliance', 'willingness to comply'] },
      { term: 'domestic abuse', also: ['DA', 'DV', 'domestic violence'] },
      { term: 'multi-agency risk assessment conference', also: ['MARAC'] },
    ],
    lessons: [
      {
        id: 'southwark-child-r/1',
        title: 'Keep a genogram and a chronology on every case',
        text: 'Case records need to include a genogram, an up-to-date chronology and a transfer summary.',
        themes: ['chronologies'],
      },
      {
        id: 'southwark-child-r/2',
        title: 'Use escalation early',
        text: 'Partners continue to struggle about the timing and appropriate use of escalation procedures.',
        themes: ['escalation', 'multi-agency-working'],
      },
      {
        id: 'southwark-child-r/3',
        title: 'Children missing from care',
        text: 'Children missing from care are at greater risk of sexual exploitation.',
        themes: ['child-sexual-exploitation', 'children-in-care'],
        agencies: ['police'],
      },
      {
        id: 'southwark-child-r/4',
        title: 'Reviews for children in care',
        text: 'Effective care planning for looked-after children requires reports for the LAC Review process.',
        themes: ['children-in-care'],
      },
      {
        id: 'cumbria-children-p/1',
        title: 'Use chronologies to see patterns',
        text: 'Practitioners should consistently use chronologies and neglect tools to understand the pattern of risks over time.',
        themes: ['chronologies', 'neglect'],
      },
      {
        id: 'cumbria-children-p/2',
        title: 'The MARAC threshold',
        text: 'The threshold for MARAC is high risk with 14 or more ticks on the DASH checklist.',
        themes: ['domestic-abuse'],
        agencies: ['police'],
      },
      {
        id: 'cumbria-children-p/3',
        title: 'Teenage victims of domestic abuse',
        text: 'Where the victim of domestic abuse is a teenager under-18, consider a referral to early help.',
        themes: ['domestic-abuse'],
      },
      {
        id: 'haringey-baby-peter/1',
        title: 'Apparent cooperation',
        text: "The facts were reduced in significance in the face of adults' apparent willingness to comply.",
        themes: ['disguised-compliance'],
      },
      {
        id: 'haringey-baby-peter/2',
        title: 'A seen child is not always a safe child',
        text: 'A seen child should not be considered a safe one.',
        themes: ['neglect'],
      },
      {
        id: 'croydon-claire/1',
        title: 'Do not assume a child in care is safe',
        text: 'Claire was placed with foster carers; the assumption that she was safe was unsafe.',
        themes: ['children-in-care', 'foster-care'],
      },
      {
        id: 'croydon-claire/2',
        title: 'Bruising in babies',
        text: 'Bruising seen at A&E in a non-mobile baby should lead to a s.47 enquiry.',
        themes: ['non-accidental-injury'],
        agencies: ['emergency-department'],
      },
      {
        id: 'croydon-claire/3',
        title: 'Multi-agency meetings matter',
        text: 'Multi-agency meetings are an essential part of child protection planning.',
        themes: ['multi-agency-working'],
      },
      {
        id: 'croydon-claire/4',
        title: 'Orders need reviewing',
        text: 'The SO ended without anyone checking whether the supervision order had worked.',
        themes: ['court-orders'],
      },
    ],
  });
}
