/**
 * What practitioners actually type (issue 14, part 2), on a small corpus written for these
 * tests. Its reviews, lessons and names are fictional.
 */
import { describe, expect, it } from 'vitest';
import { agency, buildTestCorpus, theme } from '../../../test/helpers/search-corpus.ts';
import { createSearchIndex } from './create-search-index.ts';

const corpus = buildTestCorpus({
  published: { 'alpha-child-a': '2021', 'beta-baby-b': '2012', 'gamma-child-c': '2018' },
  areas: { 'alpha-child-a': 'Alpha', 'beta-baby-b': 'Betaford', 'gamma-child-c': 'Gamma' },
  aliases: { 'beta-baby-b': ['Baby B', 'Bobby Brown'] },
  themes: [
    theme('online-harm', 'Online harm', ['social media']),
    theme('child-sexual-exploitation', 'Child sexual exploitation', ['CSE', 'grooming']),
    theme('parental-substance-misuse', 'Parental drug and alcohol use', ['drug use']),
    theme('domestic-abuse', 'Domestic abuse', ['domestic violence']),
    theme('escalation', 'Escalation', ['professional challenge', 'escalation procedures']),
    theme('was-not-brought', 'Was not brought', ['missed appointments']),
    theme('rule-of-optimism', 'Over-optimism', ['rule of optimism']),
    theme('voice-of-the-child', 'Voice of the child', ['seen child']),
    theme('disguised-compliance', 'Disguised compliance', ['apparent compliance']),
    theme('missing-children', 'Children missing from home or care', ['going missing']),
    theme('fgm', 'FGM', ['female genital mutilation']),
    theme('chronologies', 'Chronologies', ['timeline']),
    theme('neglect', 'Neglect'),
    theme('multi-agency-working', 'Multi-agency working'),
  ],
  agencies: [
    agency('independent-reviewing-officers', 'Independent reviewing officers', ['IRO']),
    agency('child-protection-chairs', 'Child protection conference chairs', ['conference chair']),
    agency('police', 'Police'),
  ],
  glossary: [
    { term: 'was not brought', also: ['WNB'], formerly: ['did not attend', 'DNA'] },
    { term: 'chronology', also: ['chronologies'] },
    { term: 'female genital mutilation', also: ['FGM'] },
  ],
  concepts: [
    { means: 'online-harm', phrases: ['tiktok', 'whatsapp'] },
    { means: 'parental-substance-misuse', phrases: ['heroin'] },
    { means: 'domestic-abuse', phrases: ['violent'] },
    { means: 'was not brought', phrases: ['keeps cancelling appointments'] },
    { means: 'rule-of-optimism', phrases: ['too trusting'] },
    { means: 'voice-of-the-child', phrases: ['video call'] },
    { means: 'disguised-compliance', phrases: ['goes along with'] },
  ],
  lessons: [
    {
      id: 'alpha-child-a/1',
      title: 'Exploitation through social media',
      text: 'Young people were groomed through social media and sexually exploited.',
      themes: ['online-harm', 'child-sexual-exploitation'],
    },
    {
      id: 'alpha-child-a/2',
      title: 'Assess what drug use means for the children',
      text: "The parents' drug use was never assessed for its effect on the children.",
      themes: ['parental-substance-misuse'],
    },
    {
      id: 'alpha-child-a/3',
      title: 'Domestic abuse behind closed doors',
      text: 'Domestic abuse in the household was not recognised by the agencies involved.',
      themes: ['domestic-abuse'],
    },
    {
      id: 'alpha-child-a/4',
      title: 'Escalation procedures were not used',
      text: 'Escalation procedures were not used when agencies disagreed for months.',
      themes: ['escalation'],
    },
    ...[5, 6, 7].map((n) => ({
      id: `alpha-child-a/${n}`,
      title: `Meetings without challenge ${n}`,
      text: 'Professional challenge was rare in the meetings.',
      themes: ['multi-agency-working'],
      questions: ['What can practitioners do to challenge each other?'],
    })),
    {
      id: 'gamma-child-c/1',
      title: 'Keep a chronology',
      text: 'A chronology of significant events shows the pattern of harm.',
      themes: ['chronologies'],
    },
    {
      id: 'gamma-child-c/2',
      title: 'Read the chronology with the family',
      text: 'The chronology was never read with the family.',
      themes: ['chronologies'],
    },
    ...[3, 4, 5].map((n) => ({
      id: `gamma-child-c/${n}`,
      title: `A lesson on neglect ${n}`,
      text: 'Neglect was seen but not named.',
      themes: ['neglect'],
      questions: ['What do practitioners look for?'],
    })),
    {
      id: 'gamma-child-c/6',
      title: 'Reviews of the care plan',
      text: "The care plan was reviewed without the child's views.",
      themes: ['voice-of-the-child'],
      agencies: ['independent-reviewing-officers'],
    },
    {
      id: 'gamma-child-c/7',
      title: 'Conferences that did not plan',
      text: 'The conference set a plan that nobody owned.',
      themes: ['multi-agency-working'],
      agencies: ['child-protection-chairs'],
    },
    {
      id: 'gamma-child-c/8',
      title: 'Attendance at reviews',
      text: "Partners' attendance at reviews was poor.",
      themes: ['multi-agency-working'],
    },
    {
      id: 'beta-baby-b/1',
      title: 'A seen child is not a safe child',
      text: 'The baby was seen at every visit, yet nobody asked what the baby experienced.',
      themes: ['voice-of-the-child', 'rule-of-optimism'],
    },
    {
      id: 'beta-baby-b/2',
      title: 'Apparent compliance hid neglect',
      text: "The parents' apparent compliance hid continuing neglect.",
      themes: ['disguised-compliance', 'neglect'],
    },
    {
      id: 'beta-baby-b/3',
      title: 'Children who go missing',
      text: 'Going missing was treated as a nuisance, not a sign of risk.',
      themes: ['missing-children'],
      agencies: ['police'],
    },
  ],
});
const index = createSearchIndex(corpus);
const ids = (q: string): string[] => index.search(q, { limit: 20 }).results.map((r) => r.id);

describe('an unknown word does not outvote the words the corpus knows', () => {
  it('answers for the known part, and reports the unknown word', () => {
    const answer = index.search('quantum neglect');
    expect(answer.results.map((r) => r.id).sort()).toEqual([
      'beta-baby-b/2',
      'gamma-child-c/3',
      'gamma-child-c/4',
      'gamma-child-c/5',
    ]);
    expect(answer.understood.unknown).toEqual(['quantum']);
  });

  it('reads brand names of apps, drugs and everyday words as the concepts they belong to', () => {
    expect(ids('tiktok sexual exploitation')).toEqual(['alpha-child-a/1']);
    expect(ids('whatsapp grooming')).toEqual(['alpha-child-a/1']);
    expect(ids('heroin parents')[0]).toBe('alpha-child-a/2');
    expect(ids("mum's boyfriend violent")[0]).toBe('alpha-child-a/3');
  });

  it('still answers nothing when no part of the question is a term of the field', () => {
    for (const q of ['football results', 'weather forecast today', 'quantum physics']) {
      expect(index.search(q).total, q).toBe(0);
    }
  });
});

describe('ranking by how much of the question a lesson covers', () => {
  it('keeps the lesson exactly about the question first, though it lacks an ordinary word', () => {
    // The three "meetings" lessons hold every word, through a glossary equivalent
    // ("professional challenge"); alpha-child-a/4 is about escalation procedures.
    expect(ids('escalation procedures practitioners')[0]).toBe('alpha-child-a/4');
  });

  it('does not fill the list with lessons matching only a common word', () => {
    expect(ids('chronologies practitioners')).toEqual(['gamma-child-c/1', 'gamma-child-c/2']);
  });

  it('prefers the most specific concept of the question when no lesson covers it all', () => {
    const [first, second] = ids('chronology apparent compliance practitioners');
    expect([first, second].sort()).toEqual(['beta-baby-b/2', 'gamma-child-c/1'].sort());
  });
});

describe('everyday phrasings of the field’s concepts', () => {
  it.each([
    ['too trusting of the parents', 'beta-baby-b/1'],
    ['only saw the child on a video call', 'beta-baby-b/1'],
    ['goes along with whatever we ask', 'beta-baby-b/2'],
  ])('%s → %s', (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it('names the concept in what matched', () => {
    const [first] = index.search('goes along with whatever we ask').results;
    expect(first?.matched).toEqual(["disguised compliance (from 'goes along with')"]);
  });
});

describe('roles and concepts the field tells apart', () => {
  it('finds an independent reviewing officer’s lessons, not a conference chair’s', () => {
    expect(ids('IRO')).toEqual(['gamma-child-c/6']);
    expect(ids('conference chair')).toEqual(['gamma-child-c/7']);
  });

  it('reads "did not attend" as a child not brought, not as attendance at meetings', () => {
    const answer = index.search('did not attend');
    expect(answer.total).toBe(0);
    expect(answer.understood.uncovered).toEqual(['did not attend']);
    expect(ids('keeps cancelling appointments')).toEqual([]);
  });
});

describe('a topic of the field that no lesson covers', () => {
  it('says so, and suggests nothing unrelated', () => {
    const answer = index.search('FGM');
    expect(answer.total).toBe(0);
    expect(answer.understood.uncovered).toEqual(['FGM']);
    expect(answer.suggestions).toEqual([]);
  });

  it('shows only lessons about the rest of the question, when the rest names a topic', () => {
    const mixed = index.search('FGM and going missing');
    expect(mixed.results.map((r) => r.id)).toEqual(['beta-baby-b/3']);
    expect(mixed.understood.uncovered).toEqual(['FGM']);
    expect(index.search('FGM practitioners').total).toBe(0);
  });
});

describe('review names people use', () => {
  it('finds a review’s lessons by its aliases, with what the question adds first', () => {
    expect(ids('Baby B').sort()).toEqual(['beta-baby-b/1', 'beta-baby-b/2', 'beta-baby-b/3']);
    expect(ids('Bobby Brown neglect')[0]).toBe('beta-baby-b/2');
  });
});

describe('why a lesson matched', () => {
  it('says which concepts and words it covers, and the words they were read from', () => {
    const [first] = index.search('chronologies meetings').results;
    expect(first?.matched).toEqual(["chronology (from 'chronologies')"]);
    const [typo] = index.search('neglet practitioners').results;
    expect(typo?.matched).toEqual(["neglect (from 'neglet')", 'practitioners']);
  });
});
