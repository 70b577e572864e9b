/**
 * Run as a child process by tests that need a fresh Node with its own flags and
 * environment: posts the fixture briefing once with createTeamsNotifier, with a client
 * secret (so the SDK asks Entra ID for a token), to the service URL given as the first
 * argument, and prints the PostResult as JSON.
 */
import { createTeamsNotifier, MemoryConversationRefs } from '../../src/adapters/teams/index.ts';
import { outgoing } from '../fixtures/slack/replies.ts';
import { postNow } from './post-now.ts';

const serviceUrl = process.argv[2] ?? 'https://smba.trafficmanager.net/teams/';
const channel = '19:safeguardingteam@thread.tacv2';
const tenantId = '00000000-0000-0000-0000-00000000c0de';
const conversations = new MemoryConversationRefs();
await conversations.save({
  platform: 'teams',
  tenantId,
  teamId: '19:generalchannel@thread.tacv2',
  channelId: channel,
  conversationId: channel,
  conversationType: 'channel',
  serviceUrl,
  updatedAt: '2026-11-20T09:00:00.000Z',
});
const notifier = createTeamsNotifier({
  teams: {
    clientId: '00000000-0000-0000-0000-0000000000b0',
    clientSecret: 'not-a-real-secret',
    tenantId,
    allowUnauthenticated: false,
  },
  conversations,
  timeoutMs: 10_000,
});
const result = await postNow(
  notifier,
  { platform: 'teams', workspace: tenantId, channel },
  outgoing.briefing,
);
process.stdout.write(`${JSON.stringify(result)}\n`);
