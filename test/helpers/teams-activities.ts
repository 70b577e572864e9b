/**
 * Activities as Teams sends them, from the captured-shape fixtures in
 * test/fixtures/teams, with the connector pointed at a local fake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureName =
  | 'message-personal'
  | 'message-channel-mention'
  | 'install-add-personal'
  | 'install-add-team'
  | 'conversation-update-bot-added-team'
  | 'conversation-update-team-deleted'
  | 'compose-query';

type Json = Record<string, unknown>;

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'teams');

function merge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? merge(current as Json, value as Json)
        : value;
  }
  return out;
}

/** A fixture with its serviceUrl replaced and `patch` deep-merged over it (arrays replace). */
export function teamsActivity(name: FixtureName, serviceUrl: string, patch: Json = {}): Json {
  const base = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Json;
  return merge({ ...base, serviceUrl }, patch);
}

/** A message from a personal chat with the given text. */
export function personalMessage(serviceUrl: string, text: string): Json {
  return teamsActivity('message-personal', serviceUrl, { text });
}

/** What Teams sends when a card's Action.Submit is pressed: empty text, the data in `value`. */
export function buttonPress(serviceUrl: string, data: unknown): Json {
  return teamsActivity('message-personal', serviceUrl, { text: '', value: data });
}

export interface Answer {
  status: number;
  body: unknown;
}

/** POSTs an activity to the bot's messaging endpoint, as the Bot Framework service would. */
export async function postActivity(
  botUrl: string,
  activity: Json,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}
