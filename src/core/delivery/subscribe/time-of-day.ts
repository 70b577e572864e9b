/** What a time token meant: a 24-hour "HH:MM", or why it is not a time of day. */
export type TimeReading = { time: string } | { error: string };

const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/;
const WORDS: Record<string, string> = { noon: '12:00', midday: '12:00', midnight: '00:00' };

const pad = (n: number): string => String(n).padStart(2, '0');

function hour24(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem === undefined) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * "9:00", "09:00", "9am", "9 am", "14:30", "2.30pm", "noon" → "HH:MM". Undefined when the
 * token does not look like a time at all (so it can be read as something else); an error
 * when it looks like one but is not ("25:00", "9:75", "13pm", a bare "9").
 */
export function parseTimeOfDay(token: string): TimeReading | undefined {
  const text = token.toLowerCase().trim();
  const word = WORDS[text];
  if (word) return { time: word };
  const match = CLOCK.exec(text);
  if (!match) return undefined;
  const [, h = '', m, meridiem] = match;
  if (m === undefined && meridiem === undefined) {
    return {
      error: `“${token}” could be any time: write it as ${pad(Number(h) % 24)}:00 or ${Number(h) % 12 || 12}am/pm.`,
    };
  }
  const hour = hour24(Number(h), meridiem);
  const minute = Number(m ?? '0');
  if (hour === undefined || minute > 59) {
    return {
      error: `“${token}” is not a time of day: use the 24-hour clock from 00:00 to 23:59, such as 09:00 or 14:30, or write 9am or 2.30pm.`,
    };
  }
  return { time: `${pad(hour)}:${pad(minute)}` };
}
