import type { Corpus } from '../../lessons/index.ts';
import type { Nation, Weekday } from '../../model/index.ts';
import { readFocusThemes } from './focus-themes.ts';
import { parseTimeOfDay } from './time-of-day.ts';
import { readTimezone } from './timezone.ts';
import { closestWeekday, parseWeekday } from './weekday.ts';

/** What `subscribe …` asked for; anything left out keeps its current (or default) value. */
export interface SubscribeRequest {
  day?: Weekday;
  time?: string;
  timezone?: string;
  /** theme ids; empty means every theme */
  themes?: string[];
  /** whose bank holidays a reminder avoids */
  nation?: Nation;
  /** "reminders off": no reminder of a lesson nobody marked discussed */
  reminders?: boolean;
}

export interface SubscribeProblem {
  message: string;
  /** themes the user may have meant */
  themes: { id: string; label: string }[];
}

export type SubscribeParse =
  | { ok: true; request: SubscribeRequest }
  | { ok: false; problem: SubscribeProblem };

export const SUBSCRIBE_EXAMPLE = 'subscribe tue 10:30 Europe/London themes neglect,escalation';

const FILLER = new Set(['every', 'each', 'at', 'on', 'in', 'weekly', 'from', 'and', 'a', 'week']);
const THEMES_WORD = /^(themes?|focus|topics?)(:|$)/i;

function fail(message: string, themes: SubscribeProblem['themes'] = []): SubscribeParse {
  return { ok: false, problem: { message, themes } };
}

/** "9 am" and "2.30 pm" are one time: join them before reading words one by one. */
function joinMeridiem(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const last = out.at(-1);
    if (
      last !== undefined &&
      /^(am|pm|a\.m\.|p\.m\.)$/i.test(token) &&
      /^\d{1,2}([:.]\d{2})?$/.test(last)
    ) {
      out[out.length - 1] = `${last}${token}`;
    } else out.push(token);
  }
  return out;
}

/** Splits the words into schedule words and the theme list after "themes". */
function splitThemes(tokens: string[]): { words: string[]; themeText: string | undefined } {
  const at = tokens.findIndex((t) => THEMES_WORD.test(t));
  if (at === -1) return { words: tokens, themeText: undefined };
  const keyword = tokens[at] ?? '';
  const inline = keyword.slice(keyword.indexOf(':') + 1 || keyword.length);
  const rest = [inline, ...tokens.slice(at + 1)].filter((t) => t !== '');
  return { words: tokens.slice(0, at), themeText: rest.join(' ') };
}

function isScheduleWord(word: string): boolean {
  if (parseWeekday(word) !== undefined) return true;
  if (parseTimeOfDay(word) !== undefined) return true;
  const zone = readTimezone(word);
  return zone !== undefined && 'timezone' in zone;
}

/** "neglect, escalation tue 9am" → themes [neglect, escalation] and words [tue, 9am]. */
function peelScheduleWords(themeText: string): { items: string[]; words: string[] } {
  const items = themeText.split(',').map((s) => s.trim());
  const lastWords = (items.pop() ?? '').split(' ').filter((w) => w !== '');
  const words: string[] = [];
  while (lastWords.length > 1 && isScheduleWord(lastWords.at(-1) ?? '')) {
    words.unshift(lastWords.pop() ?? '');
  }
  items.push(lastWords.join(' '));
  return { items, words };
}

const NATIONS: readonly Nation[] = ['england', 'wales', 'scotland', 'northern-ireland'];

function readWord(word: string, request: SubscribeRequest): string | undefined {
  const nation = NATIONS.find((n) => n === word.toLowerCase());
  if (nation) {
    if (request.nation !== undefined && request.nation !== nation) return 'Give one nation.';
    request.nation = nation;
    return undefined;
  }
  const day = parseWeekday(word);
  if (day !== undefined) {
    if (request.day !== undefined && request.day !== day)
      return 'Give one day: a channel gets one briefing a week.';
    request.day = day;
    return undefined;
  }
  const time = parseTimeOfDay(word);
  if (time) {
    if ('error' in time) return time.error;
    if (request.time !== undefined && request.time !== time.time) return 'Give one time of day.';
    request.time = time.time;
    return undefined;
  }
  const zone = readTimezone(word);
  if (zone) {
    if ('error' in zone)
      return zone.suggestion ? `${zone.error} Did you mean ${zone.suggestion}?` : zone.error;
    request.timezone = zone.timezone;
    return undefined;
  }
  return unknownWord(word);
}

function unknownWord(word: string): string {
  const day = closestWeekday(word);
  const hint = day ? `Did you mean ${day}?` : `Try, for example: ${SUBSCRIBE_EXAMPLE}.`;
  return `I did not understand “${word}” in the subscription: give a day, a time, a timezone, a nation (england, wales, scotland, northern-ireland), “reminders on” or “off” and “themes …”, in any order. ${hint}`;
}

/**
 * `subscribe [<day>] [<HH:MM>] [<Area/City>] [<nation>] [reminders on|off] [themes a,b]`,
 * in any order. Total: returns
 * the request, or the first problem in words that say how to fix it.
 * @example parseSubscribe(corpus, 'weds 2.30pm europe/london themes neglect')
 */
export function parseSubscribe(corpus: Corpus, args: string): SubscribeParse {
  const tokens = joinMeridiem(
    args
      .replace(/\s+/g, ' ')
      .trim()
      .split(' ')
      .filter((t) => t !== ''),
  );
  const { words, themeText } = splitThemes(tokens);
  const request: SubscribeRequest = {};
  const peeled = themeText === undefined ? { items: [], words: [] } : peelScheduleWords(themeText);
  const all = [...words, ...peeled.words];
  for (let i = 0; i < all.length; i++) {
    const word = all[i] ?? '';
    if (FILLER.has(word.toLowerCase())) continue;
    if (word.toLowerCase() === 'reminders') {
      const setting = all[++i]?.toLowerCase();
      if (setting !== 'on' && setting !== 'off')
        return fail('Say “reminders on” or “reminders off”.');
      request.reminders = setting === 'on';
      continue;
    }
    const problem = readWord(word, request);
    if (problem) return fail(problem);
  }
  if (themeText !== undefined) {
    const themes = readFocusThemes(corpus, peeled.items);
    if ('error' in themes) return fail(themes.error, themes.suggestions);
    request.themes = themes.themes;
  }
  return { ok: true, request };
}
