import {
  type Clock,
  clearToSend,
  type Notifier,
  type OutgoingMessage,
  type PostResult,
  type Target,
} from '../../src/core/index.ts';

/** How the fake platform answers one post: a result, or throwing as a broken SDK might. */
export type Answer = PostResult | 'throw';

export const rateLimited = (retryAfterMs: number): Answer => ({
  ok: false,
  outcome: 'retry',
  error: 'ratelimited (HTTP 429)',
  retryAfterMs,
});
export const serverError = (status = 503): Answer => ({
  ok: false,
  outcome: 'retry',
  error: `HTTP ${status}`,
});
export const gone = (error = 'channel_not_found'): Answer => ({
  ok: false,
  outcome: 'gone',
  error,
});
export const notInChannel = (error = 'not_in_channel'): Answer => ({
  ok: false,
  outcome: 'paused',
  error,
});
export const refused = (error = 'invalid_blocks'): Answer => ({
  ok: false,
  outcome: 'failed',
  error,
});

export interface PostCall {
  target: Target;
  message: OutgoingMessage;
  at: Date;
  answer: Answer;
}

export interface RecordingNotifier extends Notifier {
  /** every call to post, in order, with how it was answered */
  calls: PostCall[];
  /** the posts the platform accepted */
  delivered(): PostCall[];
  /** accepted posts to one channel */
  deliveredTo(channel: string): PostCall[];
  /** answers for the next posts to a channel, in order; then `ok` */
  script(channel: string, ...answers: Answer[]): void;
  /** answers for every channel's next posts, after its own script */
  scriptAll(...answers: Answer[]): void;
  /** posts the runner's hook refused (the claim was lost): nothing was sent */
  refusals: { target: Target; error: string }[];
  /** from now on, `unreachable` says the bot is not in this channel, for this reason */
  leave(channel: string, reason?: string): void;
}

/**
 * A Notifier that records every post and answers as scripted (ok unless told otherwise).
 * `clock` stamps the calls; ok answers get a messageRef like a Slack "channel/ts". Like the
 * real ones, it marks the ledger row sending through the runner's hook just before the
 * "request" (recording the call), and sends nothing when the hook refuses; a 'throw'
 * answer throws before that, as an SDK failing to build its request would.
 */
export function recordingNotifier(clock: Clock = () => new Date()): RecordingNotifier {
  const calls: PostCall[] = [];
  const scripts = new Map<string, Answer[]>();
  const everyone: Answer[] = [];
  const nextAnswer = (channel: string): Answer =>
    scripts.get(channel)?.shift() ?? everyone.shift() ?? { ok: true, messageRef: '' };
  const delivered = () => calls.filter((c) => c.answer !== 'throw' && c.answer.ok);
  const refusals: RecordingNotifier['refusals'] = [];
  const outside = new Map<string, string>();
  return {
    calls,
    refusals,
    delivered,
    deliveredTo: (channel) => delivered().filter((c) => c.target.channel === channel),
    script(channel, ...answers) {
      scripts.set(channel, [...(scripts.get(channel) ?? []), ...answers]);
    },
    scriptAll(...answers) {
      everyone.push(...answers);
    },
    async post(target, message, hooks) {
      let answer = nextAnswer(target.channel);
      if (answer === 'throw') {
        calls.push({ target, message, at: clock(), answer });
        throw new Error('socket hang up; token xoxb-secret-should-not-be-logged');
      }
      const refused = await clearToSend(hooks);
      if (refused) {
        refusals.push({ target, error: refused.error });
        return refused;
      }
      if (answer.ok) answer = { ok: true, messageRef: `${target.channel}/${calls.length + 1}` };
      calls.push({ target, message, at: clock(), answer });
      return answer;
    },
    async update() {
      return { ok: true, messageRef: 'updated' };
    },
    leave(channel, reason = 'not_in_channel') {
      outside.set(channel, reason);
    },
    async unreachable(target) {
      return outside.get(target.channel);
    },
  };
}
