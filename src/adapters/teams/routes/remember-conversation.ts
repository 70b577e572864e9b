import type { Activity } from '@microsoft/teams.api';
import { resumeSubscription } from '../../../core/index.ts';
import { conversationPlace, conversationRefOf } from '../conversation-ref.ts';
import { teamsConversation } from '../teams-conversation.ts';
import { confirm, isConfirmed, unconfirmAll } from './confirmed-refs.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * Conversations being remembered right now. Teams sends both an installationUpdate
 * and a conversationUpdate when the app is added; whichever comes second while the
 * first is still in hand must not welcome the team twice.
 */
const pendingByStore = new WeakMap<object, Set<string>>();

function pendingFor(store: object): Set<string> {
  const known = pendingByStore.get(store);
  if (known) return known;
  const pending = new Set<string>();
  pendingByStore.set(store, pending);
  return pending;
}

/**
 * Saves the conversation's reference and reports whether it is new to us, so the
 * caller welcomes a conversation once: on install, not on every restart or message.
 */
export async function rememberConversation(
  deps: RouteDeps,
  activity: Activity,
): Promise<'new' | 'known'> {
  const ref = conversationRefOf(activity, deps.now());
  const pending = pendingFor(deps.conversations);
  if (!ref || pending.has(ref.conversationId)) return 'known';
  pending.add(ref.conversationId);
  try {
    const before = await deps.conversations.get(ref.conversationId);
    await deps.conversations.save(ref);
    return before ? 'known' : 'new';
  } finally {
    pending.delete(ref.conversationId);
  }
}

/**
 * The bot is installed, or spoken to, in a conversation: a subscription there that was
 * paused (a post found the bot gone) is active again.
 */
export async function resumeHere(deps: RouteDeps, activity: Activity): Promise<void> {
  if (!deps.subscriptions) return;
  const { target, userId } = teamsConversation(activity);
  if (await resumeSubscription(deps.subscriptions, target, userId, deps.now())) {
    deps.logger.info('subscription resumed: the bot is back in the conversation', {
      conversationType: activity.conversation.conversationType ?? 'personal',
    });
  }
}

/**
 * Keeps the reference fresh on a message, without writing when nothing changed, and
 * without even building it when the conversation was confirmed lately (every message).
 * When it looks, it also resumes the conversation's paused subscription, if any.
 */
export async function captureOnMessage(deps: RouteDeps, activity: Activity): Promise<void> {
  const now = deps.now();
  const place = conversationPlace(activity);
  if (!place) return;
  const store = deps.conversations;
  const key = `${place.serviceUrl} ${place.tenantId}`;
  if (isConfirmed(store, place.conversationId, key, now.getTime())) return;
  const ref = conversationRefOf(activity, now);
  if (!ref) return;
  const before = await store.get(ref.conversationId);
  if (before?.serviceUrl !== ref.serviceUrl || before.tenantId !== ref.tenantId) {
    await store.save(ref);
  }
  await resumeHere(deps, activity);
  confirm(store, ref.conversationId, key, now.getTime());
}

/** Forgets the conversation, or the whole team when the app left a team. */
export async function forgetConversation(deps: RouteDeps, activity: Activity): Promise<void> {
  const ref = conversationRefOf(activity, deps.now());
  unconfirmAll(deps.conversations);
  if (ref?.teamId) await deps.conversations.forgetTeam(ref.teamId);
  if (ref) await deps.conversations.forget(ref.conversationId);
}
