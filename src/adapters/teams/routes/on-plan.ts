/**
 * "What will we do differently?" submitted from a posted briefing (its Input.Text and
 * Save button): the case-details guard, then the team's plan is stored with the
 * delivery. The answer goes to the conversation: the plan is the team's, and a refusal
 * says only what to change (never what was typed).
 */
import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { type PlanOutcome, type Reply, saveTeamPlan } from '../../../core/index.ts';
import { renderCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { teamsConversation } from '../teams-conversation.ts';
import type { RouteDeps } from './route-deps.ts';

type MessageContext = IActivityContext<IMessageActivity>;

const NOT_AVAILABLE =
  'Saving a plan needs the bot’s database, which is not switched on here. Please tell the partnership office.';
const UNKNOWN = 'This card is not one the bot posted in this conversation, so nothing was saved.';

function replyFor(outcome: PlanOutcome): Reply {
  switch (outcome.kind) {
    case 'saved':
      return { kind: 'notice', text: `Saved for your team: “${outcome.plan}”` };
    case 'empty':
      return {
        kind: 'notice',
        text: 'Nothing was saved: the box was empty. Type what your team will change, then Save our plan.',
      };
    case 'refused':
      return { kind: 'error', code: 'command_invalid', message: outcome.reason, suggestions: [] };
    case 'unknown':
      return { kind: 'error', code: 'command_invalid', message: UNKNOWN, suggestions: [] };
  }
}

export async function onPlan(
  deps: RouteDeps,
  ctx: MessageContext,
  plan: { deliveryId: string; text: string },
): Promise<void> {
  const store = deps.acknowledgements;
  const outcome: PlanOutcome | undefined = store
    ? await saveTeamPlan(store, {
        deliveryId: plan.deliveryId,
        text: plan.text,
        at: deps.now(),
        from: { platform: 'teams', channel: teamsConversation(ctx.activity).target.channel },
      })
    : undefined;
  deps.logger.info('Teams plan', { outcome: outcome?.kind ?? 'not-available' });
  const reply: Reply = outcome
    ? replyFor(outcome)
    : { kind: 'error', code: 'not_available', message: NOT_AVAILABLE, suggestions: [] };
  await ctx.send(toMessage(renderCard(reply)));
}
