import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQuery } from './parse-query.ts';

describe('parseQuery', () => {
  it.each([
    ['lessons on chronologies', 'chronologies'],
    ['what have reviews said about escalation?', 'escalation'],
    ['show me lessons about neglect', 'neglect'],
    ['What do reviews say about foster carers', 'foster carers'],
    ['tell me about disguised compliance please', 'disguised compliance'],
    ['any learning on MARAC?', 'MARAC'],
    ['I need learning about supervision', 'supervision'],
    ['Please, can you show me anything about county lines?', 'county lines'],
    ['what are the key lessons from serious case reviews about neglect', 'neglect'],
  ])('strips the request from %j', (question, topic) => {
    expect(parseQuery(question).text).toBe(topic);
  });

  it('keeps words that are topics, not requests', () => {
    expect(parseQuery('learning disabilities').text).toBe('learning disabilities');
    expect(parseQuery('information sharing').text).toBe('information sharing');
    expect(parseQuery('LAC reviews').text).toBe('LAC reviews');
    expect(parseQuery('SO').text).toBe('SO');
    expect(parseQuery('key worker changes').text).toBe('key worker changes');
  });

  it('reads filters anywhere, in any case, with quoted or comma-separated values', () => {
    const parsed = parseQuery(
      'Theme:Neglect escalation agency:police,health since:2015 theme:"domestic abuse"',
    );
    expect(parsed.text).toBe('escalation');
    expect(parsed.filters).toEqual([
      { key: 'theme', value: 'Neglect' },
      { key: 'agency', value: 'police' },
      { key: 'agency', value: 'health' },
      { key: 'since', value: '2015' },
      { key: 'theme', value: 'domestic abuse' },
    ]);
  });

  it('does not read a colon inside a word as a filter', () => {
    expect(parseQuery('retheme:x').filters).toEqual([]);
  });

  it('cuts questions longer than the maximum and says so', () => {
    const long = parseQuery(`neglect ${'x'.repeat(MAX_QUERY_LENGTH)}`);
    expect(long.truncated).toBe(true);
    expect(parseQuery('neglect').truncated).toBe(false);
  });
});
