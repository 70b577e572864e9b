import type {
  Corpus,
  DeliveryRunner,
  DeliveryRunnerOptions,
  Metrics,
  Notifier,
  Platform,
  Schedule,
  Store,
  Subscription,
  Target,
} from '../../src/core/index.ts';
import { createDeliveryRunner } from '../../src/core/index.ts';
import { type VirtualTime, virtualTime } from './delivery-clock.ts';
import { smallCorpus } from './delivery-corpus.ts';
import { type RecordingNotifier, recordingNotifier } from './delivery-notifier.ts';
import { type LogLine, recordingLogger } from './recording-logger.ts';

/** A channel's schedule and target; by default Monday 09:00 London, Slack T1, labelled "#<channel>". */
export type SubscribeOptions = Partial<Schedule> & {
  themes?: string[];
  platform?: Platform;
  workspace?: string;
  /** null: no label */
  label?: string | null;
};

export interface DeliveryHarness {
  store: Store;
  time: VirtualTime;
  notifier: RecordingNotifier;
  /** the corpus runners see now */
  readonly corpus: Corpus;
  /** swaps the corpus, as a reload would */
  useCorpus(corpus: Corpus): void;
  logs: LogLine[];
  /**
   * A runner with its own owner id; each call makes a new one (a new process). `with`
   * swaps in another notifier (e.g. one wrapping `notifier`) or records metrics.
   */
  runner(
    owner?: string,
    options?: DeliveryRunnerOptions,
    with_?: { notifier?: Notifier; metrics?: Metrics },
  ): DeliveryRunner;
  /** subscribes a channel now (by the virtual clock) */
  subscribe(channel: string, options?: SubscribeOptions): Promise<Subscription>;
}

/** A store, virtual time, a recording notifier and runners over them: the delivery test bench. */
export async function deliveryHarness(
  open: () => Promise<Store>,
  start: string,
  corpus: Corpus = smallCorpus(),
): Promise<DeliveryHarness> {
  const store = await open();
  const time = virtualTime(start);
  const notifier = recordingNotifier(time.clock);
  const logs: LogLine[] = [];
  const logger = recordingLogger(logs);
  let current = corpus;
  return {
    store,
    time,
    notifier,
    get corpus() {
      return current;
    },
    useCorpus(next) {
      current = next;
    },
    logs,
    runner: (owner = 'runner-a', options = {}, with_ = {}) =>
      createDeliveryRunner({
        store,
        notifier: with_.notifier ?? notifier,
        ...(with_.metrics ? { metrics: with_.metrics } : {}),
        corpus: () => current,
        clock: time.clock,
        owner,
        logger,
        // briefings and broadcasts only, unless a test asks for follow-ups and reminders
        options: { sleep: time.sleep, random: () => 0.5, followUps: false, ...options },
      }),
    subscribe: (channel, options = {}) =>
      store.saveSubscription(
        {
          target: target(channel, options),
          schedule: {
            day: options.day ?? 1,
            time: options.time ?? '09:00',
            timezone: options.timezone ?? 'Europe/London',
          },
          themes: options.themes ?? [],
          by: 'slack:U1',
        },
        time.clock(),
      ),
  };
}

function target(channel: string, options: SubscribeOptions): Target {
  const label = options.label === undefined ? `#${channel}` : options.label;
  return {
    platform: options.platform ?? 'slack',
    workspace: options.workspace ?? 'T1',
    channel,
    ...(label === null ? {} : { label }),
  };
}

/** The lesson ids posted to a channel, in order. */
export function lessonsPosted(notifier: RecordingNotifier, channel: string): string[] {
  return notifier
    .deliveredTo(channel)
    .map((c) => (c.message.kind === 'briefing' ? c.message.briefing.lesson.id : ''));
}
