import { distance } from 'fastest-levenshtein';
import { toReviewCard } from '../../commands/index.ts';
import type { Corpus, Review } from '../../lessons/index.ts';
import type { ChannelOutcome, Notice, Reply } from '../../model/index.ts';
import type { PublishResult } from '../publish.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The review to publish, by id or by exact title or area. No typo is corrected:
 * publishing reaches every channel, so it must be exactly what the office meant.
 */
function findReview(corpus: Corpus, name: string): Review | undefined {
  const wanted = normalise(name);
  const byId = corpus.reviewById.get(wanted);
  if (byId) return byId;
  const named = corpus.reviews.filter((r) =>
    [r.title, r.area, `${r.area} ${r.title}`].some((n) => normalise(n) === wanted),
  );
  return named.length === 1 ? named[0] : undefined;
}

function reviewNotFound(corpus: Corpus, name: string): Reply {
  const close = corpus.reviews
    .map((r) => ({ id: r.id, d: distance(normalise(name), r.id) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3);
  return {
    kind: 'error',
    code: 'review_not_found',
    message:
      name === ''
        ? 'Say which review to publish, by its id: publish <review-id>. Type “reviews” to see them.'
        : `There is no review “${name}” to publish. Give its id exactly; type “reviews” to see them.`,
    suggestions: close.map(({ id }) => ({ label: id, action: { kind: 'review', id } })),
  };
}

const channels = (n: number) => (n === 1 ? '1 channel' : `${n} channels`);
const labels = (list: readonly ChannelOutcome[]) => list.map((c) => c.label).join(', ');

function summaryText(result: PublishResult): string {
  const { review, sent, already, pending, gone, paused, failed } = result;
  const name = `“${review.title}” (${review.area}, ${review.year})`;
  const parts = [
    result.resumed
      ? `${name} had been published before (round ${result.broadcast.round}): sent now to ${channels(sent)} that did not have it; ${already} already had it.`
      : `Published ${name} to ${channels(sent)}.`,
  ];
  if (gone.length > 0)
    parts.push(`${channels(gone.length)} gone, now marked inactive: ${labels(gone)}.`);
  if (paused.length > 0)
    parts.push(
      `${channels(paused.length)} without the bot, now paused until it is back: ${labels(paused)}.`,
    );
  if (failed.length > 0)
    parts.push(`${channels(failed.length)} could not be reached: ${labels(failed)}.`);
  if (pending > 0)
    parts.push(`${channels(pending)} still in progress; publish again later to finish.`);
  return parts.join(' ');
}

function againNotice(result: PublishResult): Notice[] {
  if (!result.resumed) return [];
  return [
    {
      kind: 'info',
      text: `To send it to every channel again, use “publish ${result.review.id} again”.`,
    },
  ];
}

/** `publish <review> [again]`: the caller has checked that the actor is an admin. */
export async function publish(
  deps: BriefingCommandsDeps,
  actor: string,
  name: string,
  again: boolean,
): Promise<Reply> {
  const corpus = deps.corpus();
  const review = findReview(corpus, name);
  if (!review) return reviewNotFound(corpus, name.trim());
  const result = await deps.runner.publish(review.id, { again, by: actor });
  return {
    kind: 'published',
    review: toReviewCard(review),
    round: result.broadcast.round,
    resumed: result.resumed,
    counts: {
      subscriptions: result.subscriptions,
      sent: result.sent,
      already: result.already,
      pending: result.pending,
      gone: result.gone.length,
      paused: result.paused.length,
      failed: result.failed.length,
    },
    gone: result.gone,
    paused: result.paused,
    failed: result.failed,
    text: summaryText(result),
    notices: againNotice(result),
  };
}
