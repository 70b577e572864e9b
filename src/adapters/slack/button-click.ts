/** A button press as every button's handler sees it, and how it answers. */
import type { SlackMessage } from './blocks.ts';
import type { ModalView } from './modal-view.ts';
import type { SlackOrigin } from './slack-conversation.ts';

export interface ButtonClick extends SlackOrigin {
  value: string | undefined;
  /** identifies this very click: the same key means a redelivery of it */
  key: string;
  /** the button sits on an answer only this user sees (not on a card posted in the channel) */
  ephemeral: boolean;
  /** lets the click open a modal, for 3 seconds */
  triggerId?: string;
  /** what is typed in the message's inputs when the button is pressed, by block id */
  inputs?: Readonly<Record<string, string>>;
}

export interface Responder {
  /** the response_url: ephemeral or in the channel, new or replacing the message clicked */
  respond(
    message: SlackMessage & {
      response_type: 'ephemeral' | 'in_channel';
      replace_original: boolean;
    },
  ): Promise<unknown>;
  /** chat.postMessage as the bot */
  postMessage(channel: string, message: SlackMessage): Promise<unknown>;
  /** views.open: a modal in answer to the click */
  openView(triggerId: string, view: ModalView): Promise<unknown>;
}
