/**
 * The buttons under an answer, through the front door: signed block_actions payloads
 * POSTed to /slack/events, answered through the response_url (served by the fake) or,
 * for Share, with chat.postMessage to the fake Web API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockKitProblems, sharedLessonIds, visibleTexts } from '../helpers/slack-blocks.ts';
import { type HttpHarness, startHttpHarness } from '../helpers/slack-harness.ts';
import { pressButton, slashCommand } from '../helpers/slack-signing.ts';

interface Button {
  type: 'button';
  action_id: string;
  value: string;
  text: { text: string };
}
interface Message {
  text: string;
  blocks: Array<{ type: string; elements?: unknown[]; accessory?: Button }>;
  response_type?: string;
  replace_original?: boolean;
}

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.api.calls.length = 0;
  h.api.responsePosts.length = 0;
  h.api.answer('chat.postMessage', (args) => ({
    ok: true,
    channel: args.channel,
    ts: '1700000000.000100',
  }));
});

function buttonsOf(message: Message): Button[] {
  return message.blocks.flatMap((b) => [
    ...((b.elements ?? []) as Button[]).filter((e) => e.type === 'button'),
    ...(b.accessory ? [b.accessory] : []),
  ]);
}

function button(message: Message, label: string, nth = 0): Button {
  const found = buttonsOf(message).filter((b) => b.text.text === label)[nth];
  if (!found)
    throw new Error(
      `no button "${label}" in ${JSON.stringify(buttonsOf(message).map((b) => b.text.text))}`,
    );
  return found;
}

async function ask(text: string): Promise<Message> {
  const res = await slashCommand(h.eventsUrl, { text, response_url: h.api.responseUrl() });
  return (await res.json()) as Message;
}

async function press(
  b: Button,
  extra: {
    action_ts?: string;
    channel_id?: string;
    headers?: Record<string, string>;
    responseId?: string;
  } = {},
) {
  const response_url = h.api.responseUrl(extra.responseId);
  const res = await pressButton(
    h.eventsUrl,
    {
      button: b,
      response_url,
      ...(extra.action_ts ? { action_ts: extra.action_ts } : {}),
      ...(extra.channel_id ? { channel_id: extra.channel_id } : {}),
    },
    extra.headers ? { headers: extra.headers } : {},
  );
  expect(res.status).toBe(200);
  return response_url.split('/').pop() ?? '';
}

async function responseTo(id: string): Promise<Message> {
  await h.api.waitFor(
    () => h.api.responsePosts.some((p) => p.id === id),
    `a POST to response_url ${id}`,
  );
  return h.api.responsePosts.find((p) => p.id === id)?.body as unknown as Message;
}

describe('More results', () => {
  it('replaces the answer with the next page', async () => {
    const first = await ask('lessons on chronologies');
    const id = await press(button(first, 'More results'));
    const next = await responseTo(id);
    expect(next.replace_original).toBe(true);
    expect(next.response_type).toBe('ephemeral');
    expect(blockKitProblems(next, { surface: 'message' })).toEqual([]);
    expect(visibleTexts(next).join('\n')).toContain('4–');
    const overlap = sharedLessonIds(next).filter((lessonId) =>
      sharedLessonIds(first).includes(lessonId),
    );
    expect(sharedLessonIds(next).length).toBeGreaterThan(0);
    expect(overlap).toEqual([]);
  });
});

describe('Full lesson', () => {
  it('adds the whole lesson below the answer, with its questions', async () => {
    const first = await ask('lessons on chronologies');
    const id = await press(button(first, 'Full lesson'));
    const full = await responseTo(id);
    expect(full.replace_original).toBe(false);
    expect(full.response_type).toBe('ephemeral');
    expect(visibleTexts(full).join('\n')).toContain('Questions to discuss');
    expect(buttonsOf(full).map((b) => b.text.text)).toEqual(['Share to channel']);
  });
});

describe('Share to channel', () => {
  it('posts the lesson in the channel as the bot, saying who shared it', async () => {
    const first = await ask('lessons on chronologies');
    await press(button(first, 'Share to channel'), { channel_id: 'C777' });
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length === 1, 'chat.postMessage');
    const post = h.api.callsTo('chat.postMessage')[0]?.args as unknown as Message & {
      channel: string;
    };
    expect(post.channel).toBe('C777');
    expect(visibleTexts(post).join('\n')).toContain('Shared by <@U123>');
    expect(blockKitProblems(post, { surface: 'message', mentions: ['U123'] })).toEqual([]);
    expect(h.api.responsePosts).toEqual([]);
  });

  it('posts once even when Slack redelivers the click (X-Slack-Retry-Num)', async () => {
    const first = await ask('lessons on chronologies');
    const share = button(first, 'Share to channel', 1);
    await press(share, { action_ts: '1700000099.000001' });
    await press(share, {
      action_ts: '1700000099.000001',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await press(share, {
      action_ts: '1700000099.000001',
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length >= 1, 'chat.postMessage');
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('shares again when the user clicks again (a new click is not a retry)', async () => {
    const first = await ask('lessons on chronologies');
    const share = button(first, 'Share to channel', 2);
    await press(share, { action_ts: '1700000100.000001' });
    await press(share, { action_ts: '1700000101.000001' });
    await h.api.waitFor(
      () => h.api.callsTo('chat.postMessage').length === 2,
      'two chat.postMessage calls',
    );
  });

  it.each(['not_in_channel', 'channel_not_found'])(
    'posts through the response_url in the channel when Slack says %s',
    async (error) => {
      h.api.answer('chat.postMessage', { ok: false, error });
      const first = await ask('lessons on chronologies');
      const id = await press(button(first, 'Share to channel'), { channel_id: 'D42' });
      const posted = await responseTo(id);
      expect(posted.response_type).toBe('in_channel');
      expect(posted.replace_original).toBe(false);
      expect(visibleTexts(posted).join('\n')).toContain('Shared by <@U123>');
    },
  );

  it('asks the user to invite the bot when the response_url cannot post either', async () => {
    h.api.answer('chat.postMessage', { ok: false, error: 'not_in_channel' });
    h.api.failResponseUrl('expired-1', 404);
    const first = await ask('lessons on chronologies');
    await press(button(first, 'Share to channel'), { responseId: 'expired-1' });
    await h.api.waitFor(
      () => h.api.responsePosts.filter((p) => p.id === 'expired-1').length === 2,
      'two response_url posts',
    );
    const last = h.api.responsePosts.filter((p) => p.id === 'expired-1')[1]
      ?.body as unknown as Message;
    expect(last.response_type).toBe('ephemeral');
    expect(visibleTexts(last).join('\n')).toContain('/invite @lessons-bot');
  });

  it('says kindly that sharing failed for any other Slack error', async () => {
    h.api.answer('chat.postMessage', { ok: false, error: 'is_archived' });
    const first = await ask('lessons on chronologies');
    const id = await press(button(first, 'Share to channel'));
    const sorry = await responseTo(id);
    expect(sorry.response_type).toBe('ephemeral');
    expect(visibleTexts(sorry).join('\n')).toContain('could not share that lesson here');
  });
});

describe('theme and stale buttons', () => {
  it('replaces a no-match answer with the lessons of the theme pressed', async () => {
    const none = await ask('zzzqqq xylophone');
    expect(visibleTexts(none).join('\n')).toContain('No lessons match');
    const theme = buttonsOf(none)[0];
    if (!theme) throw new Error('the no-match answer offers no theme');
    const label = theme.text.text.replace(/ \(\d+\)$/, '');
    const id = await press(theme);
    const answer = await responseTo(id);
    expect(answer.replace_original).toBe(true);
    expect(visibleTexts(answer).join('\n')).toContain(`Lessons on ${label}`);
    expect(sharedLessonIds(answer)).toHaveLength(3);
  });

  it('answers a button whose value it cannot read with a friendly message', async () => {
    const id = await press({
      type: 'button',
      action_id: 'lessons:share:0',
      value: '{"kind":"nuke"}',
      text: { text: 'x' },
    });
    const answer = await responseTo(id);
    expect(visibleTexts(answer).join('\n')).toContain('That button no longer works');
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });
});
