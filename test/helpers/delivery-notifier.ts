import type { Clock, Notifier, OutgoingMessage, PostResult, Target } from '../../src/core/index.ts';

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
  /** posts prepared and never sent (the runner could not mark the row: the claim was lost) */
  unsent(): { target: Target }[];
  /** from now on, `unreachable` says the bot is not in this channel, for this reason */
  leave(channel: string, reason?: string): void;
}

/**
 * A Notifier that records every post and answers as scripted (ok unless told otherwise).
 * `clock` stamps the calls; ok answers get a messageRef like a Slack "channel/ts". The
 * answer is chosen when the post is prepared; a 'throw' answer throws there, as an SDK
 * failing to build its request would. A call is recorded when the post is sent.
 */
export function recordingNotifier(clock: Clock = () => new Date()): RecordingNotifier {
  const calls: PostCall[] = [];
  const scripts = new Map<string, Answer[]>();
  const everyone: Answer[] = [];
  const nextAnswer = (channel: string): Answer =>
    scripts.get(channel)?.shift() ?? everyone.shift() ?? { ok: true, messageRef: '' };
  const delivered = () => calls.filter((c) => c.answer !== 'throw' && c.answer.ok);
  const prepared: { target: Target; sent: boolean }[] = [];
  const outside = new Map<string, string>();
  return {
    calls,
    unsent: () => prepared.filter((p) => !p.sent).map(({ target }) => ({ target })),
    delivered,
    deliveredTo: (channel) => delivered().filter((c) => c.target.channel === channel),
    script(channel, ...answers) {
      scripts.set(channel, [...(scripts.get(channel) ?? []), ...answers]);
    },
    scriptAll(...answers) {
      everyone.push(...answers);
    },
    async prepare(target, message) {
      const answer = nextAnswer(target.channel);
      if (answer === 'throw') {
        calls.push({ target, message, at: clock(), answer });
        throw new Error('socket hang up; token xoxb-secret-should-not-be-logged');
      }
      const post = { target, sent: false };
      prepared.push(post);
      return {
        ok: true,
        async send() {
          post.sent = true;
          const given: PostResult = answer.ok
            ? { ok: true, messageRef: `${target.channel}/${calls.length + 1}` }
            : answer;
          calls.push({ target, message, at: clock(), answer: given });
          return given;
        },
      };
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
