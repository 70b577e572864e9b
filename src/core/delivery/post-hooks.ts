import type { PostHooks, PostResult } from '../ports.ts';
import { errorName } from './run-summary.ts';

export type { PostHooks };

type Refusal = Extract<PostResult, { ok: false }>;

/**
 * For Notifiers, immediately before the request: marks the ledger row `sending` through
 * the runner's hook, and says whether the request may go. A refusal (to return as is,
 * sending nothing) when the hook threw: the claim was lost, or the store could not say.
 * Without hooks (a post outside the ledger) the request may always go.
 */
export async function clearToSend(hooks: PostHooks | undefined): Promise<Refusal | undefined> {
  if (!hooks) return undefined;
  try {
    await hooks.sending();
    return undefined;
  } catch (error) {
    // Only the error's class: its message could carry a connection string.
    return {
      ok: false,
      outcome: 'retry',
      error: `not sent: the ledger did not let the post go (${errorName(error)})`,
    };
  }
}
