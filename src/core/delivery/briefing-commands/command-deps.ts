import type { Corpus } from '../../lessons/index.ts';
import type { Clock, Logger, Notifier, Store } from '../../ports.ts';
import type { DeliveryRunner } from '../delivery-runner.ts';
import type { FollowUpSettings } from '../upcoming-quoting.ts';

/** What the briefing commands need; main.ts builds it once. */
export interface BriefingCommandsDeps {
  store: Store;
  runner: DeliveryRunner;
  corpus: () => Corpus;
  clock: Clock;
  /**
   * Reloads the corpus from disk and says what it holds, e.g. "41 lessons from 4 reviews".
   * Throws a CorpusError when the edited files are invalid (the old corpus stays).
   */
  onReload?: () => Promise<string>;
  logger?: Logger;
  /** asked when a channel subscribes whether the bot can post there (Notifier.unreachable) */
  notifier?: Pick<Notifier, 'unreachable'>;
  /** the runner's follow-up weeks and working days, for `preview` to show what is coming; absent: not shown */
  followUps?: FollowUpSettings;
}
