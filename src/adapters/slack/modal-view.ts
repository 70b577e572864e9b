/** The one modal the bot opens ("What will we do differently?"), as Block Kit. */
import type { Block, PlainText } from './blocks.ts';

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  close: PlainText;
  submit?: PlainText;
  private_metadata?: string;
  blocks: Block[];
}
