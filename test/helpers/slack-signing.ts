/**
 * Requests as Slack sends them: form-encoded slash commands and block_actions payloads,
 * and JSON Events API callbacks, signed with v0=HMAC-SHA256(secret, "v0:ts:body").
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  body: string;
  contentType: string;
  /** seconds since the epoch; default now */
  timestamp?: number;
  secret?: string;
  /** e.g. { 'x-slack-retry-num': '1' } */
  headers?: Record<string, string>;
}

export async function postSigned(url: string, post: SignedPost): Promise<Response> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      // Bolt compares the content type exactly, as Slack sends it.
      'content-type': post.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(post.secret ?? SIGNING_SECRET, timestamp, post.body),
      ...post.headers,
    },
    body: post.body,
  });
}

const FORM = 'application/x-www-form-urlencoded';

export interface SlashCommand {
  text: string;
  user_id?: string;
  channel_id?: string;
  /** default "practice"; Slack sends "directmessage" in a DM */
  channel_name?: string;
  team_id?: string;
  response_url: string;
  command?: string;
}

export function slashCommandBody(c: SlashCommand): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: c.team_id ?? 'T1',
    team_domain: 'test',
    channel_id: c.channel_id ?? 'C1',
    channel_name: c.channel_name ?? 'practice',
    user_id: c.user_id ?? 'U123',
    user_name: 'sam',
    command: c.command ?? '/lessons',
    text: c.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: c.response_url,
    trigger_id: '1.2.3',
  }).toString();
}

export function slashCommand(
  url: string,
  c: SlashCommand,
  options: Omit<SignedPost, 'body' | 'contentType'> = {},
) {
  return postSigned(url, { ...options, body: slashCommandBody(c), contentType: FORM });
}

export interface ButtonPress {
  /** the clicked button as rendered (action_id and value) */
  button: { action_id: string; value: string };
  response_url: string;
  user_id?: string;
  channel_id?: string;
  action_ts?: string;
  /** the ts of the message the button is on; default that of an ephemeral answer */
  message_ts?: string;
  /** false for a card the bot posted in the channel; default true (a private answer) */
  ephemeral?: boolean;
  /** what is typed in the message's text inputs, by block id (their action_id is the same) */
  typed?: Record<string, unknown>;
}

let clicks = 0;

/** Every click has its own action_ts, as in Slack; a redelivery repeats it. */
function nextActionTs(): string {
  clicks += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(clicks).padStart(6, '0')}`;
}

export function blockActionsPayload(p: ButtonPress): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: p.user_id ?? 'U123', username: 'sam', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: p.message_ts ?? '1700000000.000001',
      channel_id: p.channel_id ?? 'C1',
      is_ephemeral: p.ephemeral ?? true,
    },
    trigger_id: '1.2.3',
    team: { id: 'T1', domain: 'test' },
    channel: { id: p.channel_id ?? 'C1', name: 'practice' },
    response_url: p.response_url,
    ...(p.typed ? { state: { values: typedState(p.typed) } } : {}),
    actions: [
      {
        type: 'button',
        action_id: p.button.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Button' },
        value: p.button.value,
        action_ts: p.action_ts ?? nextActionTs(),
      },
    ],
  };
}

/** state.values as Slack sends it with a click: every input of the message, typed or not. */
function typedState(typed: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(typed).map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }]),
  );
}

export function pressButton(
  url: string,
  p: ButtonPress,
  options: Omit<SignedPost, 'body' | 'contentType'> = {},
) {
  const body = new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(p)) }).toString();
  return postSigned(url, { ...options, body, contentType: FORM });
}

export function appHomeOpenedBody(userId = 'U123'): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: 'D1',
      tab: 'home',
      event_ts: '1700000002.000300',
    },
    type: 'event_callback',
    event_id: 'Ev1',
    event_time: 1700000002,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  };
}

export function sendEvent(
  url: string,
  event: Record<string, unknown>,
  options: Omit<SignedPost, 'body' | 'contentType'> = {},
) {
  return postSigned(url, {
    ...options,
    body: JSON.stringify(event),
    contentType: 'application/json',
  });
}

export interface SharedFile {
  name: string;
  size?: number;
  url_private_download: string;
}

let messages = 0;

/** A direct message to the bot (message.im), with files as Slack attaches them (subtype file_share). */
export function directMessageBody(
  userId: string,
  files: SharedFile[],
  options: { channelType?: string; text?: string } = {},
): Record<string, unknown> {
  messages += 1;
  const ts = `1700000100.${String(messages).padStart(6, '0')}`;
  return {
    token: 'deprecated-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event: {
      type: 'message',
      ...(files.length > 0 ? { subtype: 'file_share', files } : {}),
      text: options.text ?? '',
      user: userId,
      channel: 'D1',
      channel_type: options.channelType ?? 'im',
      ts,
      event_ts: ts,
    },
    type: 'event_callback',
    event_id: `EvDM${messages}`,
    event_time: 1700000100,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  };
}
