/** A modal's submission as Slack sends it (view_submission), signed like any request. */
import { postSigned, type SignedPost } from './slack-signing.ts';

export interface ViewSubmission {
  /** the view the bot opened (callback_id and private_metadata come back unchanged) */
  view: { callback_id: string; private_metadata?: string };
  /** what was typed, by block_id then action_id; null for an empty optional input */
  values: Record<string, Record<string, string | null>>;
  user_id?: string;
}

export function viewSubmissionPayload(s: ViewSubmission): Record<string, unknown> {
  const values = Object.fromEntries(
    Object.entries(s.values).map(([block, inputs]) => [
      block,
      Object.fromEntries(
        Object.entries(inputs).map(([action, value]) => [
          action,
          { type: 'plain_text_input', value },
        ]),
      ),
    ]),
  );
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'test' },
    user: { id: s.user_id ?? 'U123', username: 'sam', name: 'sam', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    trigger_id: '4.5.6',
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: s.view.callback_id,
      private_metadata: s.view.private_metadata ?? '',
      blocks: [],
      state: { values },
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Plan' },
      close: null,
      submit: null,
      root_view_id: 'V1',
      app_id: 'A1',
      bot_id: 'B1',
    },
    response_urls: [],
  };
}

export function submitView(
  url: string,
  s: ViewSubmission,
  options: Omit<SignedPost, 'body' | 'contentType'> = {},
): Promise<Response> {
  const body = new URLSearchParams({
    payload: JSON.stringify(viewSubmissionPayload(s)),
  }).toString();
  return postSigned(url, { ...options, body, contentType: 'application/x-www-form-urlencoded' });
}
