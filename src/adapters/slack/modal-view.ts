/** The one modal the bot opens ("What will we do differently?"), as Block Kit. */
import type { Block, PlainText } from './blocks.ts';

/** A labelled text input; `optional` so that the modal can be closed with nothing typed. */
export interface InputBlock {
  type: 'input';
  block_id: string;
  optional: true;
  label: PlainText;
  hint: PlainText;
  element: {
    type: 'plain_text_input';
    action_id: string;
    max_length: number;
    multiline: false;
    placeholder: PlainText;
  };
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  close: PlainText;
  submit?: PlainText;
  private_metadata?: string;
  blocks: (Block | InputBlock)[];
}
