import { distance } from 'fastest-levenshtein';
import { isValidTimezone } from '../schedule-time.ts';

/** What a timezone token meant: an IANA zone, or why not with a likely zone to suggest. */
export type TimezoneReading = { timezone: string } | { error: string; suggestion?: string };

let zonesCache: readonly string[] | undefined;

/** Every zone this runtime knows, as it spells them. */
function knownZones(): readonly string[] {
  zonesCache ??= Intl.supportedValuesOf('timeZone');
  return zonesCache;
}

function byLowerCase(name: string): string | undefined {
  const lower = name.toLowerCase();
  return knownZones().find((z) => z.toLowerCase() === lower);
}

/**
 * The zone as it is usually written: "europe/london" → "Europe/London", "utc" → "UTC".
 * Intl's own spelling when it names the same zone; else what was typed, if it has
 * capitals; else each part capitalised ("asia/kolkata" → "Asia/Kolkata", which Intl
 * would rename to its old "Asia/Calcutta").
 */
function spelled(name: string): string {
  const listed = byLowerCase(name);
  if (listed) return listed;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[/_-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** "London" → "Europe/London": zones whose city part is the word. */
function zonesForCity(word: string): string[] {
  const city = word.toLowerCase().replace(/\s+/g, '_');
  return knownZones().filter((z) => z.toLowerCase().split('/').at(-1) === city);
}

function closestZone(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: { zone: string; d: number } | undefined;
  for (const zone of knownZones()) {
    const d = distance(lower, zone.toLowerCase());
    if (d <= Math.max(2, Math.floor(lower.length / 5)) && (best === undefined || d < best.d))
      best = { zone, d };
  }
  return best?.zone;
}

const FORMAT_HINT = 'Write the timezone as Area/City, e.g. Europe/London.';

/**
 * An IANA timezone, validated with Intl and matched case-insensitively. Undefined when the
 * token does not look like a timezone at all (no slash, not a known zone or city).
 */
export function readTimezone(token: string): TimezoneReading | undefined {
  const name = token.replace(/[.,;]+$/, '');
  if (isValidTimezone(name)) return { timezone: spelled(name) };
  const [city] = zonesForCity(name);
  if (city) {
    return {
      error: `“${token}” is a city, not a timezone. ${FORMAT_HINT}`,
      suggestion: city,
    };
  }
  if (!name.includes('/')) return undefined;
  const close = closestZone(name);
  return close
    ? { error: `“${token}” is not a timezone I know.`, suggestion: close }
    : { error: `“${token}” is not a timezone I know. ${FORMAT_HINT}` };
}
