import type { Notifier, OutgoingMessage, PostResult, Target } from '../../src/core/index.ts';

/** Prepares a post and sends it at once, outside the ledger: how the notifiers' tests post. */
export async function postNow(
  notifier: Notifier,
  target: Target,
  message: OutgoingMessage,
): Promise<PostResult> {
  const prepared = await notifier.prepare(target, message);
  return prepared.ok ? prepared.send() : prepared;
}
