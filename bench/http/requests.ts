import { SIGNING_SECRET, sign, slashCommandBody } from '../../test/helpers/slack-signing.ts';
import { personalMessage } from '../../test/helpers/teams-activities.ts';

export interface BenchRequest {
  name: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A correctly signed /lessons command. The same bytes are sent again and again: the
 * signature stays valid for Slack's five minutes, far longer than a run.
 */
export function slashCommandRequest(question: string, responseUrl: string): BenchRequest {
  const body = slashCommandBody({ text: question, response_url: responseUrl });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    name: 'slack /lessons',
    path: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
    },
    body,
  };
}

/** A Teams message in local mode; the bot posts its card to the fake connector. */
export function teamsMessageRequest(question: string, serviceUrl: string): BenchRequest {
  return {
    name: 'teams message',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalMessage(serviceUrl, question)),
  };
}
