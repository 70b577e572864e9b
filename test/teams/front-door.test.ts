/**
 * Through the front door: activities POSTed to /api/messages of the real Teams SDK
 * app on 127.0.0.1, replies caught by a fake connector at the activity's serviceUrl.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buttonPress,
  personalMessage,
  postActivity,
  teamsActivity,
} from '../helpers/teams-activities.ts';
import { cardSchemaErrors } from '../helpers/teams-card-schema.ts';
import type { PostedActivity } from '../helpers/teams-fake-connector.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.ts';

/** The visible text of a posted card: every TextBlock, button title and fact. */
function cardText(posted: PostedActivity | undefined): string {
  const content = posted?.body.attachments?.[0]?.content;
  expect(cardSchemaErrors(content)).toEqual([]);
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value'])
        if (typeof r[key] === 'string') out.push(r[key] as string);
      for (const [key, value] of Object.entries(r)) if (key !== 'data') walk(value);
    }
  };
  walk(content);
  return out.join('\n');
}

function submitData(posted: PostedActivity | undefined, title: string): unknown {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'Action.Submit' && r.title === title) found.push(r.data);
      Object.values(r).forEach(walk);
    }
  };
  walk(posted?.body.attachments?.[0]?.content);
  return found[0];
}

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(async () => {
  await h.close();
});

describe('a message in a personal chat', () => {
  it('answers "lessons on chronologies" with an Adaptive Card of the chronology lessons', async () => {
    const res = await postActivity(
      h.url,
      personalMessage(h.connector.serviceUrl, 'lessons on chronologies'),
    );
    expect(res.status).toBe(200);
    const [reply] = await h.connector.waitFor(1);
    expect(reply?.conversationId).toBe('a:1personalchat');
    expect(reply?.body.attachments?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    const text = cardText(reply);
    expect(text).toContain(
      'Keep a genogram, an up-to-date chronology and a transfer summary on every case',
    );
    expect(text).toContain(
      'Use chronologies and neglect tools to see the pattern of risk over time',
    );
    expect(text).toMatch(/Source: Child R · Southwark · \d{4}/);
    expect(text).toContain('Themes: Chronologies');
    expect(text).toContain('Full lesson');
    expect(text).toContain('More results');
  });

  it('follows "More results" and "Full lesson" pressed on the card (Action.Submit)', async () => {
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'lessons on chronologies'));
    const [first] = await h.connector.waitFor(1);
    await postActivity(
      h.url,
      buttonPress(h.connector.serviceUrl, submitData(first, 'More results')),
    );
    const [, second] = await h.connector.waitFor(2);
    expect(cardText(second)).toMatch(/Showing 4–/);
    await postActivity(
      h.url,
      buttonPress(h.connector.serviceUrl, submitData(first, 'Full lesson')),
    );
    const [, , third] = await h.connector.waitFor(3);
    expect(cardText(third)).toContain('Questions to discuss');
  });

  it('suggests themes when nothing matches', async () => {
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'xylophone zeppelin'));
    const [reply] = await h.connector.waitFor(1);
    expect(cardText(reply)).toContain('No lessons match “xylophone zeppelin”');
  });

  it('renders help, and commands that are not available yet, as friendly cards', async () => {
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'help'));
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'subscribe'));
    const [help, subscribe] = await h.connector.waitFor(2);
    expect(cardText(help)).toContain('Ask a question');
    expect(cardText(subscribe)).toContain('“subscribe” needs the bot’s database');
  });

  it('tells the person when a button is stale, rather than failing', async () => {
    await postActivity(
      h.url,
      buttonPress(h.connector.serviceUrl, { lessonsBot: { v: 1, action: { kind: 'lesson' } } }),
    );
    const [reply] = await h.connector.waitFor(1);
    expect(cardText(reply)).toContain('That button no longer works');
  });

  it('remembers the conversation on the first message', async () => {
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'themes'));
    await h.connector.waitFor(1);
    expect(await h.conversations.get('a:1personalchat')).toMatchObject({
      platform: 'teams',
      conversationType: 'personal',
      tenantId: '00000000-0000-0000-0000-00000000c0de',
      serviceUrl: h.connector.serviceUrl,
    });
  });
});

describe('an @mention in a channel', () => {
  it('strips the mention, answers in the thread and remembers the channel, not the thread', async () => {
    await postActivity(h.url, teamsActivity('message-channel-mention', h.connector.serviceUrl));
    const [reply] = await h.connector.waitFor(1);
    expect(reply?.conversationId).toBe('19:safeguardingteam@thread.tacv2;messageid=1700000000002');
    expect(cardText(reply)).toContain(
      'Use chronologies and neglect tools to see the pattern of risk over time',
    );
    expect(await h.conversations.get('19:safeguardingteam@thread.tacv2')).toMatchObject({
      conversationType: 'channel',
      teamId: '19:generalchannel@thread.tacv2',
      channelId: '19:safeguardingteam@thread.tacv2',
    });
  });
});

describe('installing and removing the app', () => {
  it('welcomes a person once on install in a personal chat', async () => {
    await postActivity(h.url, teamsActivity('install-add-personal', h.connector.serviceUrl));
    const [welcome] = await h.connector.waitFor(1);
    expect(cardText(welcome)).toContain('Ask me in your own words');
    expect(await h.conversations.get('a:1personalchat')).toBeDefined();
  });

  it('welcomes a team once, though Teams announces the install twice', async () => {
    await Promise.all([
      postActivity(h.url, teamsActivity('install-add-team', h.connector.serviceUrl)),
      postActivity(
        h.url,
        teamsActivity('conversation-update-bot-added-team', h.connector.serviceUrl),
      ),
    ]);
    await postActivity(h.url, teamsActivity('install-add-team', h.connector.serviceUrl));
    const posted = await h.connector.waitFor(1);
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0])).toContain('Mention **@lessons-bot**');
    expect(await h.conversations.get('19:generalchannel@thread.tacv2')).toMatchObject({
      teamId: '19:generalchannel@thread.tacv2',
    });
  });

  it('forgets every conversation of a team when the app is removed from it', async () => {
    await postActivity(h.url, teamsActivity('install-add-team', h.connector.serviceUrl));
    await postActivity(h.url, teamsActivity('message-channel-mention', h.connector.serviceUrl));
    expect(await h.conversations.list()).toHaveLength(2);
    await postActivity(
      h.url,
      teamsActivity('install-add-team', h.connector.serviceUrl, { action: 'remove' }),
    );
    expect(await h.conversations.list()).toEqual([]);
  });

  it('forgets a team that was deleted', async () => {
    await postActivity(h.url, teamsActivity('install-add-team', h.connector.serviceUrl));
    await postActivity(
      h.url,
      teamsActivity('conversation-update-team-deleted', h.connector.serviceUrl),
    );
    expect(await h.conversations.list()).toEqual([]);
  });

  it('forgets a channel that was deleted, and a chat the bot was removed from', async () => {
    await postActivity(h.url, teamsActivity('message-channel-mention', h.connector.serviceUrl));
    await postActivity(
      h.url,
      teamsActivity('conversation-update-team-deleted', h.connector.serviceUrl, {
        channelData: {
          eventType: 'channelDeleted',
          channel: { id: '19:safeguardingteam@thread.tacv2' },
        },
      }),
    );
    expect(await h.conversations.get('19:safeguardingteam@thread.tacv2')).toBeUndefined();
    const groupChat = {
      conversation: { id: '19:groupchat@thread.v2', conversationType: 'groupChat' },
    };
    await postActivity(h.url, teamsActivity('message-personal', h.connector.serviceUrl, groupChat));
    expect(await h.conversations.get('19:groupchat@thread.v2')).toBeDefined();
    await postActivity(
      h.url,
      teamsActivity('conversation-update-bot-added-team', h.connector.serviceUrl, {
        ...groupChat,
        membersAdded: [],
        membersRemoved: [{ id: '28:00000000-0000-0000-0000-0000000000b0' }],
        channelData: { team: null, eventType: null },
      }),
    );
    expect(await h.conversations.list()).toEqual([]);
  });

  it('forgets a personal chat when the app is uninstalled there, and welcomes again on reinstall', async () => {
    await postActivity(h.url, teamsActivity('install-add-personal', h.connector.serviceUrl));
    await postActivity(
      h.url,
      teamsActivity('install-add-personal', h.connector.serviceUrl, { action: 'remove' }),
    );
    expect(await h.conversations.list()).toEqual([]);
    await postActivity(h.url, teamsActivity('install-add-personal', h.connector.serviceUrl));
    expect(await h.connector.waitFor(2)).toHaveLength(2);
  });
});

describe('the compose-box search (message extension)', () => {
  it('answers in the invoke response with lesson previews and cards to insert', async () => {
    const res = await postActivity(h.url, teamsActivity('compose-query', h.connector.serviceUrl));
    expect(res.status).toBe(200);
    const result = (
      res.body as {
        composeExtension: {
          type: string;
          attachments: { content: unknown; preview: { content: { title: string } } }[];
        };
      }
    ).composeExtension;
    expect(result.type).toBe('result');
    expect(result.attachments.map((a) => a.preview.content.title)).toContain(
      'Use chronologies and neglect tools to see the pattern of risk over time',
    );
    for (const attachment of result.attachments) {
      expect(cardSchemaErrors(attachment.content)).toEqual([]);
      expect(JSON.stringify(attachment.content)).not.toContain('Action.Submit');
    }
    // Nothing is posted to the conversation: Teams inserts the chosen card itself.
    expect(h.connector.posted).toEqual([]);
    expect(await h.conversations.list()).toEqual([]);
  });

  it('asks for words when first opened', async () => {
    const res = await postActivity(
      h.url,
      teamsActivity('compose-query', h.connector.serviceUrl, {
        value: { parameters: [{ name: 'initialRun', value: 'true' }] },
      }),
    );
    expect(res.body).toEqual({
      composeExtension: {
        type: 'message',
        text: 'Type a few words to search the lessons, e.g. chronologies.',
      },
    });
  });
});

describe('privacy', () => {
  it('never logs the question', async () => {
    await postActivity(
      h.url,
      personalMessage(h.connector.serviceUrl, 'neglect of Jane Doe born 01/02/2015'),
    );
    await h.connector.waitFor(1);
    expect(JSON.stringify(h.logger.lines)).not.toContain('Jane Doe');
  });
});
