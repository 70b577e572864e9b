/**
 * An answer to "Has it made a difference?" submitted from a posted follow-up (one of its
 * four buttons, and its optional "What changed" Input.Text): the case-details guard, then
 * the team's answer is stored with the lesson's post. The card that says what was
 * answered goes to the conversation; a refusal says only what to change.
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
  const outcome = store
    ? await answerFollowUp(store, () => deps.commands.corpus, {
        deliveryId: input.deliveryId,
        answer: input.answer,
        whatChanged: input.text,
        at: deps.now(),
        from: { platform: 'teams', channel: teamsConversation(ctx.activity).target.channel },
      })
    : undefined;
  deps.logger.info('Teams follow-up answer', { outcome: outcome?.kind ?? 'not-available' });
  if (outcome?.kind !== 'saved') return void (await ctx.send(toMessage(refusal(outcome))));
  if (outcome.message) await ctx.send(toMessage(renderOutgoingCard(outcome.message)));
}
