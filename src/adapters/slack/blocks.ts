/**
 * The few Block Kit shapes the bot sends, with builders that apply each field's limit.
 * Builders take text that is already safe: mrkdwn escaped (see mrkdwn.ts), plain_text raw.
 */
import { capMrkdwn, nonBlank, trimPlain } from './mrkdwn.ts';
import { LIMITS } from './slack-limits.ts';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** true: Slack does not auto-link channel names or URLs typed as plain words */
  verbatim: true;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: true;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary';
  /** what a screen reader says instead of `text` when the text alone is ambiguous ("Full lesson": which?) */
  accessibility_label?: string;
}

export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
  /** laid out two to a row, so label–value pairs read as a small table */
  fields?: MrkdwnText[];
  accessory?: ButtonElement;
}

export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

export interface DividerBlock {
  type: 'divider';
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

/**
 * One labelled, optional line of text (in the plan modal, and on a follow-up, where its
 * value comes back in the state of the button pressed beside it).
 */
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

export type Block =
  | SectionBlock
  | ContextBlock
  | ActionsBlock
  | DividerBlock
  | HeaderBlock
  | InputBlock;

/** What every renderer returns: a message (or the Home tab's blocks) plus its fallback text. */
export interface SlackMessage {
  /** mrkdwn, escaped: shown in notifications and where blocks cannot be */
  text: string;
  blocks: Block[];
}

function mrkdwn(text: string, max: number): MrkdwnText {
  return { type: 'mrkdwn', text: capMrkdwn(nonBlank(text, ' '), max), verbatim: true };
}

/** plain_text is shown as typed: Slack parses no mentions or links in it. */
export function plain(text: string, max: number): PlainText {
  // Blank is checked after trimming: control characters alone trim to nothing.
  return { type: 'plain_text', text: nonBlank(trimPlain(text, max), '…'), emoji: true };
}

export function section(escapedMrkdwn: string, accessory?: ButtonElement | null): SectionBlock {
  const block: SectionBlock = {
    type: 'section',
    text: mrkdwn(nonBlank(escapedMrkdwn, '…'), LIMITS.sectionText),
  };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A section with fields under its text (at most Slack's 10; each already escaped). */
export function fieldsSection(escapedMrkdwn: string, fields: readonly string[]): SectionBlock {
  const block = section(escapedMrkdwn);
  const kept = fields.slice(0, LIMITS.sectionFields);
  if (kept.length > 0) block.fields = kept.map((f) => mrkdwn(nonBlank(f, '…'), LIMITS.fieldText));
  return block;
}

export function context(...escapedMrkdwn: string[]): ContextBlock {
  const parts = escapedMrkdwn.filter((t) => t.trim() !== '').slice(0, LIMITS.contextElements);
  return {
    type: 'context',
    elements: (parts.length > 0 ? parts : ['…']).map((t) => mrkdwn(t, LIMITS.contextText)),
  };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, 150) };
}

export const divider: DividerBlock = { type: 'divider' };

/** An optional one-line input whose block and action share one id. */
export function lineInput(
  id: string,
  text: { label: string; hint: string; placeholder: string },
  maxLength: number,
): InputBlock {
  return {
    type: 'input',
    block_id: id,
    optional: true,
    label: plain(text.label, 2000),
    hint: plain(text.hint, 2000),
    element: {
      type: 'plain_text_input',
      action_id: id,
      max_length: maxLength,
      multiline: false,
      placeholder: plain(text.placeholder, 150),
    },
  };
}

/**
 * A button, or null when its value would not fit: a button Slack rejects would lose the
 * whole message, a missing one only that action.
 */
export function button(
  label: string,
  actionId: string,
  value: string,
  style?: 'primary',
  accessibilityLabel?: string,
): ButtonElement | null {
  if (value.length > LIMITS.buttonValue || actionId.length > LIMITS.actionId) return null;
  const element: ButtonElement = {
    type: 'button',
    text: plain(label, LIMITS.buttonText),
    action_id: actionId,
    value,
  };
  if (style) element.style = style;
  if (accessibilityLabel) {
    element.accessibility_label = trimPlain(accessibilityLabel, LIMITS.accessibilityLabel);
  }
  return element;
}

/** An actions block of the buttons that could be built; none → no block at all. */
export function actions(buttons: readonly (ButtonElement | null)[]): ActionsBlock[] {
  const elements = buttons
    .filter((b): b is ButtonElement => b !== null)
    .slice(0, LIMITS.actionsElements);
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

/** Splits escaped mrkdwn lines into as few sections as fit the section limit. */
export function sectionsOf(lines: readonly string[]): SectionBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= LIMITS.sectionText || current === '') {
      current = joined;
    } else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks.map((chunk) => section(chunk));
}
