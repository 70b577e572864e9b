import type { Delivery } from '../model/index.ts';
import type { PostHooks } from '../ports.ts';
import type { AttemptContext } from './attempt-delivery.ts';

/** markSending said no: the lease ran out, or another process has the row now. */
export class ClaimLostError extends Error {
  override readonly name = 'ClaimLostError';
}

/**
 * Where a claimed row stands, as the runner saw it: `claimed` (the notifier has not asked
 * to send, or refused before asking), `sending` (the row was marked; the request may have
 * left), or `lost` (the mark was refused or failed: nothing may be sent).
 */
export type GateState = 'claimed' | 'sending' | 'lost';

export interface SendingGate {
  hooks: PostHooks;
  state(): GateState;
}

/** The hook the runner hands a Notifier for one claimed row: marks it `sending`, once. */
export function sendingGate(ctx: AttemptContext, delivery: Delivery): SendingGate {
  let state: GateState = 'claimed';
  const hooks: PostHooks = {
    async sending() {
      if (state !== 'claimed') throw new ClaimLostError('the row was already marked');
      state = 'lost';
      const marked = await ctx.store.markSending(delivery.id, ctx.owner, ctx.clock());
      if (!marked) throw new ClaimLostError('the claim was lost before the request');
      state = 'sending';
    },
  };
  return { hooks, state: () => state };
}
