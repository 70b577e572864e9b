import { describe, expect, it } from 'vitest';
import { buildTestCorpus, sampleCorpus, theme } from '../../../test/helpers/search-corpus.ts';
import { createSearchIndex } from './create-search-index.ts';
import { MAX_QUERY_LENGTH } from './parse-query.ts';

const index = createSearchIndex(sampleCorpus());
const ids = (query: string, limit = 10): string[] =>
  index.search(query, { limit }).results.map((r) => r.id);

describe('createSearchIndex', () => {
  it('reports how many lessons it indexed and where the index came from', () => {
    expect(index.size).toBe(13);
    expect(index.origin).toEqual({ source: 'built' });
  });
});

describe('search: results', () => {
  it('returns results in the shape of the JSON contract, with the full lesson text', () => {
    const [first] = index.search('genogram').results;
    expect(first).toEqual({
      id: 'southwark-child-r/1',
      title: 'Keep a genogram and a chronology on every case',
      text: 'Case records need to include a genogram, an up-to-date chronology and a transfer summary.',
      review: {
        id: 'southwark-child-r',
        title: 'Child R',
        area: 'Southwark',
        published: '2015-07',
        url: 'https://example.org/southwark-child-r',
      },
      themes: ['chronologies'],
      score: expect.any(Number),
      matched: ['genogram'],
    });
  });

  it('matches word forms: plural question, singular text and back', () => {
    expect(ids('chronologies')).toEqual(expect.arrayContaining(['southwark-child-r/1']));
    expect(ids('chronology')).toEqual(expect.arrayContaining(['cumbria-children-p/1']));
    expect(ids('meeting')).toEqual(['croydon-claire/3']);
  });

  it('ignores the request around the topic', () => {
    expect(ids('what have reviews said about escalation?')).toEqual(ids('escalation'));
    expect(ids('show me lessons about escalation')).toEqual(['southwark-child-r/2']);
  });

  it('ranks the lessons of a theme the question names first', () => {
    // Both mention chronologies once; only one is tagged with the theme.
    const corpus = buildTestCorpus({
      themes: [theme('chronologies', 'Chronologies'), theme('risk', 'Risk')],
      lessons: [
        {
          id: 'a-r/1',
          title: 'Patterns of risk',
          text: 'Keep a chronology of the risks.',
          themes: ['risk'],
        },
        {
          id: 'a-r/2',
          title: 'Patterns over time',
          text: 'Keep a chronology of events.',
          themes: ['chronologies'],
        },
      ],
    });
    const results = createSearchIndex(corpus).search('lessons on chronologies').results;
    expect(results.map((r) => r.id)).toEqual(['a-r/2', 'a-r/1']);
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? Infinity);
  });

  it('understands glossary abbreviations and their expansions', () => {
    expect(ids('CSE')).toEqual(['southwark-child-r/3']);
    expect(ids('LAC review')).toEqual(['southwark-child-r/4']);
    expect(index.search('CSE').understood.expansions).toEqual({
      cse: ['child sexual exploitation', 'grooming'],
    });
  });

  it('recognises phrases, however they are hyphenated', () => {
    for (const q of ['looked after children', 'looked-after children', 'LAC', 'CLA']) {
      expect(ids(q), q).toEqual(
        expect.arrayContaining(['southwark-child-r/4', 'croydon-claire/1']),
      );
    }
    expect(ids('multiagency')[0]).toBe('croydon-claire/3');
  });

  it('matches two-letter abbreviations that are also everyday words only in capitals', () => {
    expect(ids('SO')).toEqual(['croydon-claire/4']);
    expect(ids('so')).toEqual([]);
  });

  it('keeps tokens such as A&E, s.47 and under-18 sensible', () => {
    expect(ids('A&E')).toEqual(['croydon-claire/2']);
    expect(ids('s47')).toEqual(['croydon-claire/2']);
    expect(ids('s.47 enquiry')).toEqual(['croydon-claire/2']);
    expect(ids('under-18')).toEqual(['cumbria-children-p/3']);
  });

  it('finds lessons through theme synonyms and agency names', () => {
    expect(ids('apparent compliance')).toEqual(['haringey-baby-peter/1']);
    expect(ids('constabulary')).toEqual(['cumbria-children-p/2', 'southwark-child-r/3']);
  });

  it('finds a phrase through a glossary equivalent the lesson uses', () => {
    expect(ids('disguised compliance')).toEqual(['haringey-baby-peter/1']);
  });
});

describe('search: misspellings', () => {
  it('corrects a misspelt word and offers the corrected question', () => {
    const answer = index.search('lessons on escalaton');
    expect(answer.results.map((r) => r.id)).toEqual(['southwark-child-r/2']);
    expect(answer.didYouMean).toBe('lessons on escalation');
    expect(answer.understood.corrections).toEqual({ escalaton: 'escalation' });
  });

  it('completes the beginning of a word', () => {
    const answer = index.search('chrono');
    expect(answer.total).toBe(2);
    expect(answer.didYouMean).toBe('chronology');
  });

  it('does not correct a word that is spelt right', () => {
    expect(index.search('escalation').didYouMean).toBeUndefined();
  });

  it('never corrects short words, which have too many neighbours', () => {
    const answer = index.search('bany');
    expect(answer.total).toBe(0);
    expect(answer.didYouMean).toBeUndefined();
  });

  it('offers a correction only if it would find something', () => {
    // "pasta" is one letter from "past", but "cook" is unknown, so nothing is found.
    const answer = index.search('cook pasta');
    expect(answer.total).toBe(0);
    expect(answer.didYouMean).toBeUndefined();
  });
});

describe('search: honest answers', () => {
  it.each(['the', 'what do reviews say about it?', 'asdfgh', 'weather forecast', '', '   ', '?!'])(
    'finds nothing for %j, and suggests themes instead',
    (query) => {
      const answer = index.search(query);
      expect(answer.total).toBe(0);
      expect(answer.results).toEqual([]);
      expect(answer.suggestions.length).toBeGreaterThan(0);
    },
  );

  it('does not return a lesson that only shares an everyday word with the question', () => {
    // "risk" is in two lessons; "football" in none.
    expect(index.search('football risk').total).toBe(0);
  });

  it('still searches when most of the question is known', () => {
    expect(ids('escalation procedures football')).toEqual(['southwark-child-r/2']);
  });

  it('suggests themes close to the question when there are any', () => {
    expect(index.search('neglect theme:weather').suggestions[0]?.id).toBe('neglect');
    expect(index.search('neglect football theme:weather').suggestions[0]?.id).toBe('neglect');
  });

  it('suggests the most used themes, with counts, when none is close', () => {
    expect(index.search('asdfgh').suggestions[0]).toEqual({
      id: 'children-in-care',
      label: 'Children in care',
      count: 3,
    });
  });

  it('never suggests a theme no lesson has', () => {
    const suggested = index.search('private fostering').suggestions.map((s) => s.id);
    expect(suggested).not.toContain('unused-theme');
  });

  it('ranks a lesson covering more of the question above one covering less', () => {
    const answer = index.search('chronology genogram', { limit: 10 });
    expect(answer.results.map((r) => r.id)).toEqual([
      'southwark-child-r/1',
      'cumbria-children-p/1',
    ]);
    expect(answer.results[1]?.score).toBeLessThan(answer.results[0]?.score ?? 0);
    expect(answer.results.map((r) => r.matched)).toEqual([
      ["chronologies (from 'chronology')", 'genogram'],
      ["chronologies (from 'chronology')"],
    ]);
    // Two topics and a word: the lesson with two of them first, then each of the others.
    expect(ids('chronology genogram escalation')[0]).toBe('southwark-child-r/1');
  });
});

describe('search: filters', () => {
  it('filters by theme, review, agency and year', () => {
    expect(ids('theme:neglect')).toEqual(['cumbria-children-p/1', 'haringey-baby-peter/2']);
    expect(ids('chronologies review:cumbria-children-p')).toEqual(['cumbria-children-p/1']);
    expect(ids('agency:police')).toEqual(['cumbria-children-p/2', 'southwark-child-r/3']);
    expect(ids('since:2017')).toEqual([
      'croydon-claire/1',
      'croydon-claire/2',
      'croydon-claire/3',
      'croydon-claire/4',
    ]);
  });

  it('combines filters: any value of one filter, all filters', () => {
    expect(ids('theme:neglect theme:escalation since:2015')).toEqual([
      'cumbria-children-p/1',
      'southwark-child-r/2',
    ]);
  });

  it('reports the filters it understood', () => {
    expect(index.search('theme:Chronologies agency:A&E since:2016').understood.filters).toEqual({
      theme: ['chronologies'],
      agency: ['emergency-department'],
      since: 2016,
    });
  });

  it('answers nothing, with a problem to show, when a filter names nothing', () => {
    const answer = index.search('neglect theme:weather');
    expect(answer.total).toBe(0);
    expect(answer.understood.problems).toEqual([
      'No theme matches "theme:weather"; send "themes" to see them all.',
    ]);
  });

  it('reads a misspelt filter value and says so', () => {
    const answer = index.search('theme:chronolgies');
    expect(answer.total).toBe(2);
    expect(answer.understood.problems).toEqual(['Read "theme:chronolgies" as theme:chronologies.']);
  });
});

describe('search: pages', () => {
  it('defaults to 5 results and allows at most 50', () => {
    const many = createSearchIndex(
      buildTestCorpus({
        lessons: Array.from({ length: 60 }, (_, i) => ({
          id: `r-x/${i + 1}`,
          title: `Lesson ${i + 1}`,
          text: 'Neglect.',
          themes: ['neglect'],
        })),
      }),
    );
    expect(many.search('neglect').results).toHaveLength(5);
    expect(many.search('neglect', { limit: 500 }).results).toHaveLength(50);
    expect(many.search('neglect', { limit: 500 }).total).toBe(60);
  });

  it('pages through the same order, ties broken by newer review then id', () => {
    const all = index.search('theme:children-in-care', { limit: 50 }).results.map((r) => r.id);
    expect(all).toEqual(['croydon-claire/1', 'southwark-child-r/3', 'southwark-child-r/4']);
    const pages = [0, 1, 2].flatMap((offset) =>
      index.search('theme:children-in-care', { limit: 1, offset }).results.map((r) => r.id),
    );
    expect(pages).toEqual(all);
  });

  it('returns an empty page past the end, with the total', () => {
    const answer = index.search('chronologies', { offset: 10 });
    expect(answer.results).toEqual([]);
    expect(answer.total).toBe(2);
  });
});

describe('search: long questions', () => {
  it('searches the first characters of an overlong question and says so', () => {
    const answer = index.search(`escalation ${'x'.repeat(MAX_QUERY_LENGTH * 4)}`);
    expect(answer.understood.problems).toEqual([
      `Only the first ${MAX_QUERY_LENGTH} characters of the question were searched.`,
    ]);
    expect(answer.query.length).toBe(MAX_QUERY_LENGTH * 4 + 11);
  });
});
