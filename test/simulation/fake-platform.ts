import type { Clock, OutgoingMessage, PostResult, Target } from '../../src/core/index.ts';
import { keyed } from './prng.ts';

/** A post the platform accepted: what a channel's members saw. */
export interface Received {
  channel: string;
  at: number;
  /** the ledger row the message names (its "Discussed" button carries it) */
  deliveryId: string;
  period: string;
}

/** A follow-up or reminder the platform accepted, for the lesson post it names. */
export interface QuotedReceived {
  channel: string;
  at: number;
  kind: 'follow-up' | 'reminder';
  /** the lesson's ledger row */
  original: string;
}

/** What a team did after a lesson reached it: discussed it, and perhaps planned a change. */
export interface TeamAction {
  deliveryId: string;
  channel: string;
  /** when the platform took the lesson: the team acts at the next tick after */
  at: number;
  plan: boolean;
}

/** Any request the platform answered, accepted or not. */
export interface Call {
  channel: string;
  at: number;
  outcome: 'ok' | 'ratelimited' | 'error' | 'gone';
}

/**
 * Slack and Teams as the notifiers see them, behind the Notifier port: a tenth of calls
 * fail, half with 429 and a Retry-After, half with a 500; a channel that is gone for good
 * answers "gone" to everything from then on. Each answer is fixed by the seed, the channel
 * and how many calls that channel has had, not by how calls to other channels interleave.
 */
export class FakePlatform {
  readonly received: Received[] = [];
  readonly quoted: QuotedReceived[] = [];
  /** teams' discussions and plans still to be recorded, in the order they happened */
  readonly teamActions: TeamAction[] = [];
  readonly calls: Call[] = [];
  readonly #seed: number;
  readonly #clock: Clock;
  readonly #goneAt: ReadonlyMap<string, number>;
  readonly #callsTo = new Map<string, number>();

  constructor(seed: number, clock: Clock, goneAt: ReadonlyMap<string, number>) {
    this.#seed = seed;
    this.#clock = clock;
    this.#goneAt = goneAt;
  }

  /** The request: the platform answers, and keeps what it accepts. */
  request(target: Target, message: OutgoingMessage): PostResult {
    const at = this.#clock().getTime();
    const n = (this.#callsTo.get(target.channel) ?? 0) + 1;
    this.#callsTo.set(target.channel, n);
    const answer = this.#answer(target, at, n);
    this.calls.push({ channel: target.channel, at, outcome: outcomeOf(answer) });
    if (answer.ok && message.kind === 'briefing') {
      const { deliveryId, period } = message.briefing;
      this.received.push({ channel: target.channel, at, deliveryId, period });
      this.#teamActs(target.channel, deliveryId, at);
    }
    if (answer.ok && (message.kind === 'follow-up' || message.kind === 'reminder')) {
      const original =
        message.kind === 'follow-up' ? message.followUp.deliveryId : message.reminder.deliveryId;
      this.quoted.push({ channel: target.channel, at, kind: message.kind, original });
    }
    return answer;
  }

  /**
   * Most teams mark a lesson discussed (85%), and some of those plan a change (a tenth of
   * lessons): the rest get a reminder, the planned ones a follow-up. Fixed by the seed and
   * the lesson's row, as the platform's answers are.
   */
  #teamActs(channel: string, deliveryId: string, at: number): void {
    const r = keyed(this.#seed, 'team', deliveryId);
    if (r < 0.85) this.teamActions.push({ deliveryId, channel, at, plan: r < 0.1 });
  }

  #answer(target: Target, at: number, n: number): PostResult {
    if (at >= (this.#goneAt.get(target.channel) ?? Number.POSITIVE_INFINITY)) {
      const error = target.platform === 'slack' ? 'channel_not_found' : 'HTTP 404 NotFound';
      return { ok: false, outcome: 'gone', error };
    }
    const r = keyed(this.#seed, 'answer', target.channel, n);
    if (r < 0.05) {
      const retryAfterMs = 1_000 * Math.ceil(keyed(this.#seed, 'wait', target.channel, n) * 30);
      return { ok: false, outcome: 'retry', error: 'ratelimited', retryAfterMs };
    }
    if (r < 0.1) return { ok: false, outcome: 'retry', error: 'HTTP 500' };
    return { ok: true, messageRef: `${target.channel}/${n}` };
  }
}

function outcomeOf(answer: PostResult): Call['outcome'] {
  if (answer.ok) return 'ok';
  if (answer.outcome === 'gone') return 'gone';
  return answer.error === 'ratelimited' ? 'ratelimited' : 'error';
}
