import { describe, expect, it } from 'vitest';
import { firstSentences, splitSentences } from './split-sentences.ts';

describe('splitSentences', () => {
  it('splits plain prose at full stops, question and exclamation marks', () => {
    expect(splitSentences('One thing. Another thing? A third!  And more.')).toEqual([
      'One thing.',
      'Another thing?',
      'A third!',
      'And more.',
    ]);
  });

  it('does not split after common abbreviations or inside numbers', () => {
    expect(
      splitSentences(
        'Dr. Jones saw her at 3.5 months, e.g. at St. Mary’s. Mr. Smith did not. She was seen.',
      ),
    ).toEqual([
      'Dr. Jones saw her at 3.5 months, e.g. at St. Mary’s.',
      'Mr. Smith did not.',
      'She was seen.',
    ]);
  });

  it('reads "No." as a number only before a number', () => {
    expect(splitSentences('See para. 4 and No. 12 of the plan. Then act.')).toEqual([
      'See para. 4 and No. 12 of the plan.',
      'Then act.',
    ]);
    expect(splitSentences('Her answer was always no. Nobody challenged it.')).toEqual([
      'Her answer was always no.',
      'Nobody challenged it.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(
      splitSentences('The mother said “We are fine.” The school was not told. It went on.'),
    ).toEqual(['The mother said “We are fine.”', 'The school was not told.', 'It went on.']);
    expect(splitSentences('He said "No." Then he left.')).toEqual([
      'He said "No."',
      'Then he left.',
    ]);
  });

  it('ends a sentence after an anonymised letter such as Child R', () => {
    expect(splitSentences('The review is about Child R. She had 10 social workers.')).toEqual([
      'The review is about Child R.',
      'She had 10 social workers.',
    ]);
  });

  it('keeps text without a final full stop', () => {
    expect(splitSentences('First. Second without a stop')).toEqual([
      'First.',
      'Second without a stop',
    ]);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('firstSentences', () => {
  it('joins the first n sentences, folding line breaks', () => {
    expect(firstSentences('One\nthing. Two things. Three things.', 2)).toBe(
      'One thing. Two things.',
    );
  });
});
