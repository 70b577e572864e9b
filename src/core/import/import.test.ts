import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { liveText } from './approve-draft.ts';
import { classifyHeading, readLabel } from './classify-heading.ts';
import { fixSpacedHyphens, hyphenJudge, joinLines } from './clean-text.ts';
import type { TextBlock } from './document.ts';
import { learningScore } from './find-candidates.ts';
import { findLearning } from './find-learning.ts';
import { readText } from './read-text.ts';
import { shortTitle } from './short-title.ts';
import { createTagSuggester } from './suggest-tags.ts';

describe('joinLines: undoing line breaks and end-of-line hyphens', () => {
  const judge = hyphenJudge(['a multi-agency meeting', 'the assessment was late', 'well-being']);

  it.each([
    [['an assess-', 'ment of risk'], 'an assessment of risk'],
    [['a multi-', 'agency chronology'], 'a multi-agency chronology'],
    [['self-', 'neglect'], 'self-neglect'],
    [['under-', '18s'], 'under-18s'],
    [['a soft\u00ad', 'hyphen'], 'a softhyphen'],
    [['pre-', 'Christmas'], 'pre- Christmas'],
    [['Early', '  help  '], 'Early help'],
  ])('%j → %j', (lines, joined) => {
    expect(joinLines(lines, judge)).toBe(joined);
  });

  it('the document’s own spelling decides: a form printed unbroken elsewhere wins', () => {
    const seen = hyphenJudge(['the coordinator said', 'a co-ordinated plan']);
    expect(joinLines(['the co-', 'ordinator'], seen)).toBe('the coordinator');
    expect(joinLines(['a co-', 'ordinated plan'], seen)).toBe('a co-ordinated plan');
  });

  it('"multi- agency" (a stray space after a hyphen) is mended; "pre- and post-natal" is not', () => {
    expect(fixSpacedHyphens('the multi- agency network')).toBe('the multi-agency network');
    expect(fixSpacedHyphens('pre- and post-natal care')).toBe('pre- and post-natal care');
  });
});

describe('headings and labels', () => {
  it.each([
    ['Learning points', 'learning'],
    ['4. Lessons learned', 'learning'],
    ['Lessons from Children P', 'learning'],
    ['Key learning', 'learning'],
    ['Findings', 'learning'],
    ['Learning from Serious Case Reviews – Children P', 'other'],
    ['5. Recommendations', 'excluded'],
    ['Terms of Reference', 'excluded'],
    ['Contents', 'excluded'],
    ['Appendix A: Chronology', 'excluded'],
    ['Dissemination of Learning', 'excluded'],
    ['Case summary', 'summary'],
    ['Children P’s story', 'summary'],
  ])('%s → %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });

  it('labels: "Finding 3: …" and "Learning point 2 – …", not any line that starts "Learning"', () => {
    expect(readLabel('Finding 3: Professionals did not share what they knew')).toMatchObject({
      kind: 'finding',
      number: '3',
    });
    expect(readLabel('Learning point 2 – Supervision must make time to reflect')).toMatchObject({
      kind: 'learning',
      number: '2',
    });
    expect(readLabel('Learning: from the review')).toBeUndefined();
  });
});

const block = (
  kind: TextBlock['kind'],
  text: string,
  extra: Partial<TextBlock> = {},
): TextBlock => ({
  kind,
  text,
  ...extra,
});

describe('findLearning', () => {
  it('takes items under a learning heading, never under recommendations or contents', () => {
    const found = findLearning([
      block('heading', 'Contents', { level: 2 }),
      block('item', 'Learning points ........ 4', { marker: '1.' }),
      block('heading', 'Learning points', { level: 2 }),
      block('item', 'Practitioners should share information early with the school.', {
        marker: '1.',
      }),
      block('item', 'such as attendance and lateness', { marker: 'a)' }),
      block('item', 'Managers must review drift in supervision every month.', { marker: '2.' }),
      block('heading', 'Recommendations', { level: 2 }),
      block('item', 'The partnership should audit supervision within six months.', {
        marker: '1.',
      }),
    ]);
    expect(found.map((f) => f.text)).toEqual([
      'Practitioners should share information early with the school. a) such as attendance and lateness',
      'Managers must review drift in supervision every month.',
    ]);
  });

  it('stops at the first paragraph after a list, but joins a lower-case run-on', () => {
    const found = findLearning(
      readText(
        'The learning points are:\n\n1. Agencies should meet when a child goes missing from\n\nhome, and record why.\n2. Plans need a named lead.\n\nThe board thanks the family.\n',
      ).blocks,
    );
    expect(found.map((f) => f.text)).toEqual([
      'Agencies should meet when a child goes missing from home, and record why.',
      'Plans need a named lead.',
    ]);
  });

  it('a finding with a short heading takes the paragraph after it', () => {
    const found = findLearning([
      block('heading', 'Finding 1: Seeing the pattern', { level: 3, page: 7 }),
      block(
        'paragraph',
        'Police referrals were screened one at a time and the pattern was missed.',
        { page: 7 },
      ),
    ]);
    expect(found).toEqual([
      {
        text: 'Police referrals were screened one at a time and the pattern was missed.',
        title: 'Seeing the pattern',
        where: 'under "Finding 1"',
        page: 7,
      },
    ]);
  });
});

describe('candidate sentences', () => {
  it.each([
    'Agencies needed to be authoritative, to create challenge and to share information appropriately.',
    'A seen child should not be considered a safe one; the social worker had to have empathy with the child.',
  ])('reads as learning: %s', (sentence) => {
    expect(learningScore(sentence)).toBeGreaterThanOrEqual(3);
  });

  it.each([
    'The Committee noted that the Council’s Domestic Violence Co-ordinator was working on training.',
    'How do services work together to assess carers and match children with carers?',
    'Read the full report at source: the board should publish it.',
    'She was then sexually abused by her foster carer.',
  ])('does not: %s', (sentence) => {
    expect(learningScore(sentence)).toBeLessThan(3);
  });
});

describe('suggestions', () => {
  const suggester = createTagSuggester({
    themes: [
      { id: 'children-in-care', label: 'Children in care', description: 'd', synonyms: [] },
      { id: 'escalation', label: 'Escalation', description: 'd', synonyms: ['challenge'] },
    ],
    agencies: [{ id: 'police', label: 'Police', synonyms: ['officers'] }],
    glossary: [{ term: 'children in care', also: ['CLA'], formerly: ['LAC'] }],
  });

  it('reads the glossary: "LAC Review" suggests the children-in-care theme', () => {
    expect(suggester.suggest('Partners attend the LAC Review and the Police escalate.')).toEqual({
      themes: ['children-in-care', 'escalation'],
      agencies: ['police'],
    });
  });

  it('short abbreviations match only in capitals', () => {
    expect(suggester.suggest('It was lac of care').themes).toEqual([]);
  });

  it('titles: the first sentence without filler, cut at a clause', () => {
    expect(
      shortTitle('This case highlights the need for practitioners to understand trauma.'),
    ).toBe('Need for practitioners to understand trauma');
    expect(
      shortTitle(
        'When a child protection plan category changes it is incumbent upon the conference chair to ensure that the new plan takes account of the history.',
      ).length,
    ).toBeLessThanOrEqual(81);
  });
});

describe('liveText: what approve keeps of a draft', () => {
  const draft = [
    '# draft: DRAFT: not served.',
    '# draft: Then run: lessons-bot approve x',
    '',
    '# Imported by lessons-bot from "x.pdf".',
    '# check: from "Child X",',
    '#    on page 1',
    'id: x',
    'lessons:',
    '  - id: x/1',
    '    text: >-',
    '      Keep this.',
    '',
  ].join('\n');

  it('drops the draft lines and check notes, stamps the approval, changes no value', () => {
    const text = liveText({ id: 'x', display: 'x.yaml', text: draft }, '2026-12-07');
    expect(text).toBe(
      '# Approved with lessons-bot approve on 2026-12-07.\n# Imported by lessons-bot from "x.pdf".\nid: x\nlessons:\n  - id: x/1\n    text: >-\n      Keep this.\n',
    );
    expect(parse(text)).toEqual(parse(draft));
  });

  it('keeps the draft whole when a "check:" line is part of a value', () => {
    const tricky = 'id: x\nsummary: |\n  # check: this is text\n  more\n';
    expect(liveText({ id: 'x', display: 'x.yaml', text: tricky }, '2026-12-07')).toBe(tricky);
  });
});
