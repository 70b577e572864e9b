/**
 * "What will we do differently?" on a posted briefing: the button opens a modal
 * (views.open) with one optional line of at most 280 characters; its submission goes
 * through the case-details guard, then is stored as the team's plan with the delivery.
 * A refused plan comes back as an error on the input, with the reminder, and nothing is
 * stored. Who wrote it is not kept: the plan is the team's.
 */
import type { App } from '@slack/bolt';
import { MAX_PLAN_LENGTH, type PlanOutcome, saveTeamPlan } from '../../core/index.ts';
import { lineInput, plain, section } from './blocks.ts';
import type { ButtonClick, Responder } from './button-click.ts';
import type { ModalView } from './modal-view.ts';
import { escapeTrim } from './mrkdwn.ts';
import { renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';

export const PLAN_CALLBACK_ID = 'lessons:plan';
const PLAN_INPUT = 'plan';
const QUESTION = 'What will we do differently?';

/** Where the modal was opened from; Slack returns it unchanged with the submission. */
interface Origin {
  deliveryId: string;
  channelId: string;
}

/** The modal asking for the plan: one labelled, optional line. */
export function planModal(origin: Origin): ModalView {
  return {
    type: 'modal',
    callback_id: PLAN_CALLBACK_ID,
    // A modal's title holds at most 24 characters.
    title: plain('Your team’s plan', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({ d: origin.deliveryId, c: origin.channelId }),
    blocks: [
      section(
        'One line on what your team will change after discussing this lesson. It is saved for the whole team, without your name.',
      ),
      lineInput(
        PLAN_INPUT,
        {
          label: QUESTION,
          hint: `At most ${MAX_PLAN_LENGTH} characters. No names, dates of birth, addresses or NHS numbers.`,
          placeholder: 'e.g. Start a chronology at the first referral',
        },
        MAX_PLAN_LENGTH,
      ),
    ],
  };
}

function doneModal(message: string): ModalView {
  return {
    type: 'modal',
    callback_id: PLAN_CALLBACK_ID,
    title: plain('Your team’s plan', 24),
    close: plain('Close', 24),
    blocks: [section(message)],
  };
}

const NOT_AVAILABLE =
  'Saving a plan needs the bot’s database, which is not switched on here. Please tell the partnership office.';
const UNKNOWN = 'This card is not one the bot posted in this channel, so nothing was saved.';

/** The button: opens the modal with the click's trigger_id (valid for 3 seconds). */
export async function openPlanModal(
  ctx: SlackContext,
  deliveryId: string,
  click: ButtonClick,
  io: Responder,
): Promise<void> {
  if (!ctx.acknowledgements || !click.triggerId || !click.channelId) {
    const message = ctx.acknowledgements ? UNKNOWN : NOT_AVAILABLE;
    await io.respond({
      ...renderReply({ kind: 'notice', text: message }, ctx.command),
      response_type: 'ephemeral',
      replace_original: false,
    });
    return;
  }
  await io.openView(click.triggerId, planModal({ deliveryId, channelId: click.channelId }));
}

function readOrigin(metadata: string): Origin | undefined {
  try {
    const value = JSON.parse(metadata) as { d?: unknown; c?: unknown };
    if (typeof value.d === 'string' && typeof value.c === 'string') {
      return { deliveryId: value.d, channelId: value.c };
    }
  } catch {
    // not ours: answered as an unknown card
  }
  return undefined;
}

/** What the submission's ack says: an error on the input, or the modal turned into a receipt. */
export function answerFor(outcome: PlanOutcome | 'not-available') {
  if (outcome === 'not-available') return inputError(NOT_AVAILABLE);
  switch (outcome.kind) {
    case 'refused':
      return inputError(outcome.reason);
    case 'unknown':
      return inputError(UNKNOWN);
    case 'empty':
      return updated(
        'Nothing was saved: the box was empty. Your team can add its plan at any time.',
      );
    case 'saved':
      return updated(`Saved for your team: “${escapeTrim(outcome.plan, MAX_PLAN_LENGTH + 10)}”`);
  }
}

function inputError(message: string) {
  return { response_action: 'errors' as const, errors: { [PLAN_INPUT]: message } };
}

function updated(message: string) {
  return { response_action: 'update' as const, view: doneModal(message) };
}

export function registerPlanModal(app: App, ctx: SlackContext): void {
  app.view(PLAN_CALLBACK_ID, async ({ ack, view }) => {
    const store = ctx.acknowledgements;
    const origin = readOrigin(view.private_metadata);
    const typed = view.state.values[PLAN_INPUT]?.[PLAN_INPUT]?.value ?? '';
    let outcome: PlanOutcome | 'not-available' = 'not-available';
    if (store) {
      outcome = origin
        ? await saveTeamPlan(store, {
            deliveryId: origin.deliveryId,
            text: typeof typed === 'string' ? typed : '',
            at: ctx.clock(),
            from: { platform: 'slack', channel: origin.channelId },
          })
        : { kind: 'unknown' };
    }
    ctx.logger.info('slack plan', {
      outcome: typeof outcome === 'string' ? outcome : outcome.kind,
    });
    await ack(answerFor(outcome));
  });
}
