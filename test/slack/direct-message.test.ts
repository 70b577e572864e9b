/**
 * A question written to the bot in a direct message, through the front door: signed
 * message.im events to the real Bolt app, answered as `/lessons <question>` is, in the DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitProblems, sharedLessonIds, visibleTexts } from '../helpers/slack-blocks.ts';
import {
  type HttpHarness,
  realDeps,
  startBrokenSearchHarness,
  startHttpHarness,
} from '../helpers/slack-harness.ts';
import { directMessageBody, sendEvent } from '../helpers/slack-signing.ts';

interface Posted {
  channel: string;
  text: string;
  blocks: unknown[];
}

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttpHarness({ admins: ['UADMIN'] });
});
afterAll(() => h.close());

const posts = () => h.api.callsTo('chat.postMessage').map((call) => call.args as unknown as Posted);

/** Sends the events and returns what the bot posted once `answers` posts have come. */
async function send(events: Array<Record<string, unknown>>, answers = 1): Promise<Posted[]> {
  const before = posts().length;
  for (const body of events) expect((await sendEvent(h.eventsUrl, body)).status).toBe(200);
  await h.api.waitFor(() => posts().length >= before + answers, 'the answer', 30_000);
  return posts().slice(before);
}

const ask = (text: string, user = 'U123') => directMessageBody(user, [], { text });

/** The same message as Slack would send it, with its event changed. */
function altered(body: Record<string, unknown>, event: Record<string, unknown>) {
  return { ...body, event: { ...(body.event as object), ...event } };
}

const shown = (message: Posted) => visibleTexts(message).join('\n');

describe('a question in a direct message', () => {
  it('is answered in the DM as /lessons answers it: "lessons on chronologies"', async () => {
    const [answer] = await send([ask('lessons on chronologies')]);
    if (!answer) throw new Error('no answer');
    expect(answer.channel).toBe('D1');
    expect(blockKitProblems(answer, { surface: 'message' })).toEqual([]);
    const deps = await realDeps();
    const shownIds = sharedLessonIds(answer);
    expect(shownIds).toHaveLength(3);
    for (const id of shownIds)
      expect(deps.corpus.lessonById.get(id)?.themes).toContain('chronologies');
    expect(shown(answer)).toContain('More results');
  });

  it('help shows how to ask', async () => {
    const [answer] = await send([ask('help')]);
    expect(shown(answer as Posted)).toContain('`/lessons lessons on chronologies`');
  });

  it('answers once a message Slack delivered twice; ignores edits, the bot’s own posts and other channels', async () => {
    const question = ask('theme neglect');
    const ignored = [
      altered(ask('neglect'), { subtype: 'message_changed' }),
      altered(ask('neglect'), { bot_id: 'B1' }),
      altered(ask('neglect'), { subtype: 'bot_message', user: undefined }),
      directMessageBody('U123', [], { text: 'neglect', channelType: 'channel' }),
    ];
    const before = posts().length;
    await send([...ignored, question, question]);
    // a last question: answered, it shows the events before it were handled
    await send([ask('lessons on escalation')]);
    const answers = posts().slice(before);
    expect(answers).toHaveLength(2);
    expect(shown(answers[0] as Posted)).toMatch(/neglect/i);
    expect(shown(answers[1] as Posted)).toMatch(/escalat/i);
  });

  it.each([
    ['mentions and links', '<!channel> <@U999> <https://x.example|click> neglect'],
    ['40,000 characters', `neglect ${'word '.repeat(8_000)}`],
    ['control characters and odd code points', 'negl\u0000ect \u202e\ud83d\ude00 \ufffe'],
  ])('answers %s with a valid message that mentions and links no one', async (_, text) => {
    const [answer] = await send([ask(text)]);
    if (!answer) throw new Error('no answer');
    expect(blockKitProblems(answer, { surface: 'message' })).toEqual([]);
    expect(shown(answer)).not.toMatch(/<[!@#]/);
    expect(shown(answer)).not.toContain('<https://x.example');
  });

  it('answers the words of a message with a file, and fetches nothing, where importing is not set up', async () => {
    const file = { name: 'review.pdf', size: 10, url_private_download: `${h.api.apiUrl}files/x` };
    const [answer] = await send([directMessageBody('U123', [file], { text: 'help' })]);
    expect(shown(answer as Posted)).toContain('`/lessons lessons on chronologies`');
    expect(h.api.downloads).toEqual([]);
  });

  it('refuses an admin command from someone who is not an admin, at once', async () => {
    const [answer] = await send([ask('publish child-r')]);
    expect(shown(answer as Posted)).toContain('only the partnership office can do that');
  });

  it('never logs the question', async () => {
    await send([ask('chronologies for Jane Doe')]);
    expect(JSON.stringify(h.logger.lines)).not.toContain('Jane Doe');
    expect(
      h.logger.lines.some((l) => l.message === 'slack command' && l.fields.command === 'search'),
    ).toBe(true);
  });
});

it('says something went wrong, not what, when answering breaks', async () => {
  const broken = await startBrokenSearchHarness(() => new Error('index exploded for Jane Smith'));
  try {
    const before = broken.api.callsTo('chat.postMessage').length;
    await sendEvent(broken.eventsUrl, ask('neglect'));
    await broken.api.waitFor(
      () => broken.api.callsTo('chat.postMessage').length > before,
      'the apology',
    );
    const answer = broken.api.callsTo('chat.postMessage').at(-1)?.args as unknown as Posted;
    expect(shown(answer)).toContain('Something went wrong on our side');
    expect(shown(answer)).not.toContain('exploded');
    expect(JSON.stringify(broken.logger.lines)).not.toContain('Jane Smith');
  } finally {
    await broken.close();
  }
});
