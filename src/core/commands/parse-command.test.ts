import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.ts';

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'help', topic: 'general' }],
    ['   ', { kind: 'help', topic: 'general' }],
    ['help', { kind: 'help', topic: 'general' }],
    ['HELP subscribe', { kind: 'help', topic: 'subscribe' }],
    ['help admin', { kind: 'help', topic: 'admin' }],
    ['themes', { kind: 'themes' }],
    ['theme', { kind: 'themes' }],
    ['theme  domestic   abuse', { kind: 'theme', name: 'domestic abuse', offset: 0 }],
    ['reviews', { kind: 'reviews' }],
    ['review Child R', { kind: 'review', name: 'Child R' }],
    ['lesson southwark-child-r/8', { kind: 'lesson', id: 'southwark-child-r/8' }],
    ['random', { kind: 'random' }],
    [
      'subscribe tue 10:30 Europe/London themes neglect',
      { kind: 'subscribe', args: 'tue 10:30 Europe/London themes neglect' },
    ],
    ['unsubscribe', { kind: 'unsubscribe' }],
    ['subscription', { kind: 'subscription' }],
    ['preview', { kind: 'preview' }],
    ['publish croydon-claire', { kind: 'publish', review: 'croydon-claire', again: false }],
    ['publish croydon-claire --again', { kind: 'publish', review: 'croydon-claire', again: true }],
    ['report', { kind: 'report' }],
    ['report since 2026-01-01', { kind: 'report', since: '2026-01-01' }],
    [
      'report since 2026-01 until 2026-03-31 review croydon-claire theme neglect agency police',
      {
        kind: 'report',
        since: '2026-01',
        until: '2026-03-31',
        review: 'croydon-claire',
        theme: 'neglect',
        agency: 'police',
      },
    ],
    [
      'report REVIEW croydon-claire Since 2026',
      { kind: 'report', review: 'croydon-claire', since: '2026' },
    ],
    [
      'report review croydon-claire until',
      { kind: 'report', review: 'croydon-claire', stray: 'until' },
    ],
    ['report since 2026 please review x', { kind: 'report', since: '2026', stray: 'please' }],
    ['reload', { kind: 'reload' }],
  ])('reads %j as a command', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    'lessons on chronologies',
    'what do reviews say about escalation?',
    'CSE',
    'theme:neglect since:2015',
    'random acts of kindness',
  ])('treats %j as a question', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'search', query: text, offset: 0 });
  });

  it('drops Slack and Teams mentions before parsing, so that they are never searched or echoed', () => {
    const cases: [string, string][] = [
      ['<!channel> neglect', 'neglect'],
      ['<!here|here> neglect', 'neglect'],
      ['@channel neglect', 'neglect'],
      ['neglect @everyone @here', 'neglect'],
      ['<@U0123ABCD> <#C0123ABCD|safeguarding> neglect', 'neglect'],
      ['<!subteam^S012AB3CD|@office> neglect', 'neglect'],
      ['<at>lessons-bot</at> <at>Sam Jones</at> neglect', 'neglect'],
    ];
    for (const [typed, query] of cases)
      expect(parseCommand(typed)).toEqual({ kind: 'search', query, offset: 0 });
    expect(parseCommand('<@U0123ABCD> subscribe mon')).toEqual({ kind: 'subscribe', args: 'mon' });
    expect(parseCommand('<!channel>')).toEqual({ kind: 'help', topic: 'general' });
    // Words that merely contain the names stay.
    expect(parseCommand('channel@here.example neglect')).toMatchObject({
      query: 'channel@here.example neglect',
    });
  });

  it('searches for what follows "help with"', () => {
    expect(parseCommand('help with chronologies')).toEqual({
      kind: 'search',
      query: 'chronologies',
      offset: 0,
    });
  });

  it.each([
    'what is a serious case review?',
    "What's an LCSPR",
    'what are serious case reviews',
    'what is the purpose of serious case reviews?',
    'why are case reviews done?',
    'what is a child practice review?',
    "what's a SUSR",
    'what are learning reviews?',
    'what is a case management review',
  ])('answers %j with the background on case reviews', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help', topic: 'about' });
  });

  it('does not mistake a question about reviews for the background', () => {
    expect(parseCommand('what do serious case reviews say about neglect')).toMatchObject({
      kind: 'search',
    });
  });

  it('never throws and always returns a known kind', () => {
    const kinds = new Set([
      'search',
      'themes',
      'theme',
      'reviews',
      'review',
      'lesson',
      'random',
      'help',
      'subscribe',
      'unsubscribe',
      'subscription',
      'preview',
      'publish',
      'report',
      'reload',
    ]);
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(kinds.has(parseCommand(text).kind)).toBe(true);
      }),
    );
  });
});
