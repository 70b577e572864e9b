import { describe, expect, it } from 'vitest';
import { smallCorpus } from '../../../../test/helpers/delivery-corpus.ts';
import { parseSubscribe } from './parse-subscribe.ts';
import { parseTimeOfDay } from './time-of-day.ts';
import { readTimezone } from './timezone.ts';
import { parseWeekday } from './weekday.ts';

const corpus = smallCorpus();

function request(args: string) {
  const parsed = parseSubscribe(corpus, args);
  if (!parsed.ok) throw new Error(`expected ${args} to parse: ${parsed.problem.message}`);
  return parsed.request;
}

function problem(args: string) {
  const parsed = parseSubscribe(corpus, args);
  if (parsed.ok) throw new Error(`expected ${args} to be refused`);
  return parsed.problem;
}

describe('parseWeekday', () => {
  it.each([
    ['mon', 1],
    ['Monday', 1],
    ['MONDAYS', 1],
    ['tue', 2],
    ['Tues', 2],
    ['wed', 3],
    ['weds', 3],
    ['Wednesday', 3],
    ['thu', 4],
    ['thurs', 4],
    ['thur.', 4],
    ['fri,', 5],
    ['sat', 6],
    ['Sunday', 7],
  ])('%s → %i', (token, day) => {
    expect(parseWeekday(token)).toBe(day);
  });

  it('is undefined for other words', () => {
    expect(parseWeekday('monthly')).toBeUndefined();
    expect(parseWeekday('9am')).toBeUndefined();
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:00', '09:00'],
    ['9am', '09:00'],
    ['9AM', '09:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['14:30', '14:30'],
    ['2.30pm', '14:30'],
    ['2:30p.m.', '14:30'],
    ['23:59', '23:59'],
    ['0:00', '00:00'],
    ['noon', '12:00'],
  ])('%s → %s', (token, time) => {
    expect(parseTimeOfDay(token)).toEqual({ time });
  });

  it.each(['25:00', '24:00', '9:75', '13pm', '0am'])('refuses %s as not a time of day', (token) => {
    expect(parseTimeOfDay(token)).toEqual({
      error: expect.stringContaining('is not a time of day'),
    });
  });

  it('asks for minutes or am/pm when given a bare hour', () => {
    expect(parseTimeOfDay('9')).toEqual({ error: expect.stringContaining('09:00') });
  });

  it('is undefined for words that are not times', () => {
    expect(parseTimeOfDay('Monday')).toBeUndefined();
    expect(parseTimeOfDay('2026')).toBeUndefined();
  });
});

describe('readTimezone', () => {
  it('accepts IANA zones in any case and spells them properly', () => {
    expect(readTimezone('Europe/London')).toEqual({ timezone: 'Europe/London' });
    expect(readTimezone('europe/london')).toEqual({ timezone: 'Europe/London' });
    expect(readTimezone('AMERICA/NEW_YORK')).toEqual({ timezone: 'America/New_York' });
    expect(readTimezone('UTC')).toEqual({ timezone: 'UTC' });
    expect(readTimezone('utc')).toEqual({ timezone: 'UTC' });
    expect(readTimezone('asia/kolkata')).toEqual({ timezone: 'Asia/Kolkata' });
  });

  it('suggests the zone for a bare city', () => {
    expect(readTimezone('London')).toEqual({
      error: expect.stringContaining('is a city, not a timezone'),
      suggestion: 'Europe/London',
    });
  });

  it('suggests a close zone for a misspelt one', () => {
    expect(readTimezone('Europe/Londn')).toEqual({
      error: expect.stringContaining('not a timezone I know'),
      suggestion: 'Europe/London',
    });
  });

  it('is undefined for words that are not zones', () => {
    expect(readTimezone('weekly')).toBeUndefined();
  });
});

describe('parseSubscribe', () => {
  it('leaves everything to the defaults when nothing is given', () => {
    expect(request('')).toEqual({});
  });

  it('reads day, time, zone and themes in any order', () => {
    const wanted = {
      day: 3,
      time: '14:30',
      timezone: 'Europe/London',
      themes: ['neglect', 'escalation'],
    };
    expect(request('wed 14:30 Europe/London themes neglect,escalation')).toEqual(wanted);
    expect(request('themes neglect, escalation europe/london 2.30pm Weds')).toEqual(wanted);
    expect(request('Europe/London themes neglect escalation wednesday 2:30 pm')).toEqual(wanted);
    expect(
      request('every Wednesday at 2.30pm in Europe/London themes: neglect,escalation'),
    ).toEqual(wanted);
  });

  it('resolves themes by id, label or synonym, any case, without duplicates', () => {
    expect(request('themes Domestic abuse, DV, NEGLECT, neglect').themes).toEqual([
      'domestic-abuse',
      'neglect',
    ]);
    expect(request('theme:supervision').themes).toEqual(['supervision']);
  });

  it('reads "themes all" as every theme', () => {
    expect(request('themes all').themes).toEqual([]);
  });

  it('refuses an unknown day, suggesting the day meant', () => {
    expect(problem('wendesday 9am').message).toMatch(/did not understand “wendesday”.*Wednesday/);
  });

  it('refuses 25:00', () => {
    expect(problem('mon 25:00').message).toMatch(/“25:00” is not a time of day.*09:00/);
  });

  it('refuses an unknown timezone, suggesting a close one', () => {
    expect(problem('mon 9am Europe/Londn').message).toMatch(
      /“Europe\/Londn” is not a timezone I know\. Did you mean Europe\/London\?/,
    );
    expect(problem('mon Mars/Olympus_Mons').message).toMatch(/Area\/City/);
  });

  it('refuses a city alone, suggesting its zone', () => {
    expect(problem('London').message).toMatch(/is a city.*Did you mean Europe\/London\?/);
  });

  it('refuses an unknown theme, suggesting close ones', () => {
    const p = problem('themes neglekt');
    expect(p.message).toMatch(/no theme called “neglekt”\. Did you mean “neglect”\?/);
    expect(p.themes).toEqual([{ id: 'neglect', label: 'Neglect' }]);
    expect(problem('themes astrology').message).toMatch(/Type “themes” to see them all/);
  });

  it('refuses a theme that has no lessons yet', () => {
    expect(problem('themes private fostering').message).toMatch(
      /No lesson is tagged “Private fostering”/,
    );
  });

  it('refuses "themes" with nothing after it', () => {
    expect(problem('mon themes').message).toMatch(/Name at least one theme/);
  });

  it('refuses two different days or times', () => {
    expect(problem('mon tue').message).toMatch(/one day/);
    expect(problem('9am 10am').message).toMatch(/one time/);
  });

  it('refuses junk with an example of what works', () => {
    expect(problem('please sign us up').message).toMatch(
      /did not understand “please”.*subscribe tue 10:30 Europe\/London/,
    );
  });

  it('reads a nation and the reminders setting, in any order, and leaves them out when not given', () => {
    expect(request('scotland reminders off tue')).toMatchObject({
      day: 2,
      nation: 'scotland',
      reminders: false,
    });
    expect(request('Reminders ON Northern-Ireland')).toMatchObject({
      nation: 'northern-ireland',
      reminders: true,
    });
    expect(request('tue')).not.toHaveProperty('nation');
    expect(request('tue')).not.toHaveProperty('reminders');
  });

  it('refuses a reminders setting that is not on or off, and two nations', () => {
    for (const bad of [
      'reminders',
      'reminders maybe',
      'reminders tue',
      `reminders ${'x'.repeat(5000)}`,
    ]) {
      expect(problem(bad).message).toBe('Say “reminders on” or “reminders off”.');
    }
    expect(problem('wales scotland').message).toBe('Give one nation.');
    expect(problem('cornwall').message).toMatch(
      /a nation \(england, wales, scotland, northern-ireland\)/,
    );
  });
});
