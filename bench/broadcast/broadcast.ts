/**
 * One broadcast against the fakes: the real corpus, a fresh SQLite store, the real Slack
 * and Teams notifiers routed by platform, and createDeliveryRunner with its default
 * options (DEFAULT_PACING, concurrency, backoff), timed from `publish` until it returns.
 */
import { join } from 'node:path';
import { createSlackNotifier } from '../../src/adapters/slack/index.ts';
import { createTeamsNotifier } from '../../src/adapters/teams/index.ts';
import {
  type Corpus,
  createDeliveryRunner,
  loadCorpus,
  type Notifier,
  type PublishResult,
  type Store,
} from '../../src/core/index.ts';
import { routeNotifier } from '../../src/runtime/route-notifier.ts';
import { fakeTokenProvider } from '../../test/helpers/teams-fake-token.ts';
import { type CountingLogger, countingLogger } from './counting-logger.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { type FakeTeams, startFakeTeams } from './fake-teams.ts';
import type { PlatformLimits } from './limits.ts';
import { type BenchChannels, benchChannels, SLACK_TEAM, seedStore, TEAMS_TENANT } from './seed.ts';

export const REVIEW_ID = 'croydon-claire';
const LESSONS = join(import.meta.dirname, '..', '..', 'lessons');
const TEAMS_APP = '00000000-0000-0000-0000-0000000be7b0';

export interface BroadcastRun {
  channels: BenchChannels;
  slack: FakeSlack;
  teams: FakeTeams;
  results: PublishResult[];
  /** the runners' warnings and errors, by message */
  logger: CountingLogger;
  /** from `publish` to its return, in ms */
  elapsedMs: number;
  /** performance.now() when `publish` was called */
  startedAt: number;
}

/** The real notifiers, routed by platform as the bot's are (src/main.ts). */
function platformNotifier(store: Store, slackApiUrl: string): Notifier {
  return routeNotifier({
    slack: createSlackNotifier({ botToken: 'xoxb-bench', apiUrl: slackApiUrl }),
    teams: createTeamsNotifier({
      teams: { clientId: TEAMS_APP, tenantId: TEAMS_TENANT, allowUnauthenticated: false },
      tokenProvider: fakeTokenProvider,
      conversations: store.conversations,
    }),
  });
}

/** The text both platforms' announcement carries: Slack's fallback text, the card's summary. */
export function announcementText(corpus: Corpus): string {
  const review = corpus.reviewById.get(REVIEW_ID);
  if (!review) throw new Error(`the corpus has no review ${REVIEW_ID}`);
  return `New review published: ${review.title} (${review.area})`;
}

export async function runBroadcast(options: {
  slack: number;
  teams: number;
  replicas: number;
  limits: PlatformLimits;
  latencyMs: number;
}): Promise<BroadcastRun> {
  const corpus = await loadCorpus(LESSONS);
  const expectedText = announcementText(corpus);
  const channels = benchChannels(options.slack, options.teams);
  const slack = await startFakeSlack({
    limits: options.limits.slack,
    team: SLACK_TEAM,
    channels: new Set(channels.slack),
    expectedText,
    latencyMs: options.latencyMs,
  });
  const teams = await startFakeTeams({
    limits: options.limits.teams,
    conversations: new Map(channels.teams.map((id) => [id, TEAMS_TENANT])),
    expectedText,
    latencyMs: options.latencyMs,
  });
  const seeded = await seedStore(channels, teams.serviceUrl, new Date());
  const logger = countingLogger();
  try {
    const { store } = seeded;
    // One runner per replica, as separate processes would have: own notifiers, own pacer.
    const runners = Array.from({ length: options.replicas }, (_, i) =>
      createDeliveryRunner({
        store,
        notifier: platformNotifier(store, slack.apiUrl),
        corpus: () => corpus,
        clock: () => new Date(),
        owner: `bench-replica-${i + 1}`,
        logger,
      }),
    );
    const startedAt = performance.now();
    const results = await Promise.all(
      runners.map((runner) => runner.publish(REVIEW_ID, { again: false, by: 'bench' })),
    );
    const elapsedMs = performance.now() - startedAt;
    return { channels, slack, teams, results, logger, elapsedMs, startedAt };
  } finally {
    await seeded.dispose();
    await slack.close();
    await teams.close();
  }
}
