/**
 * An answer to "Has it made a difference?" submitted from a posted follow-up (one of its
 * four buttons, and its optional "What changed" Input.Text): the case-details guard, then
 * the team's answer is stored with the lesson's post, and the follow-up card is redrawn
 * in place saying what was answered; a refusal says only what to change.
 */
import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import {
  answerFollowUp,
  type FollowUpAnswerKind,
  type FollowUpAnswerOutcome,
} from '../../../core/index.ts';
import { renderCard, renderOutgoingCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { teamsConversation } from '../teams-conversation.ts';
import type { RouteDeps } from './route-deps.ts';
import { updateCard } from './update-card.ts';

type MessageContext = IActivityContext<IMessageActivity>;

const NOT_AVAILABLE =
  'Saving an answer needs the bot’s database, which is not switched on here. Please tell the partnership office.';
const UNKNOWN = 'This card is not one the bot posted in this conversation, so nothing was saved.';

function refusal(outcome: Exclude<FollowUpAnswerOutcome, { kind: 'saved' }> | undefined) {
  const message =
    outcome === undefined ? NOT_AVAILABLE : outcome.kind === 'refused' ? outcome.reason : UNKNOWN;
  return renderCard({ kind: 'error', code: 'command_invalid', message, suggestions: [] });
}

export async function onFollowUp(
  deps: RouteDeps,
  ctx: MessageContext,
  input: { deliveryId: string; answer: FollowUpAnswerKind; text: string },
): Promise<void> {
  const store = deps.acknowledgements;
  const channel = teamsConversation(ctx.activity).target.channel;
  const outcome = store
    ? await answerFollowUp(store, () => deps.commands.corpus, {
        deliveryId: input.deliveryId,
        answer: input.answer,
        whatChanged: input.text,
        at: deps.now(),
        from: { platform: 'teams', channel },
      })
    : undefined;
  deps.logger.info('Teams follow-up answer', { outcome: outcome?.kind ?? 'not-available' });
  if (outcome?.kind !== 'saved') return void (await ctx.send(toMessage(refusal(outcome))));
  if (!outcome.message) return;
  // The card pressed is the follow-up we posted: it is redrawn with the answer, or, if
  // Teams will not, the answered card is sent below it.
  const messageRef = ctx.activity.replyToId;
  if (messageRef && (await updateCard(deps, ctx, { channel, messageRef }, outcome.message))) return;
  await ctx.send(toMessage(renderOutgoingCard(outcome.message)));
}
