/**
 * Small constructors for the few Adaptive Card parts we use. Only elements that
 * Teams desktop and mobile both render (Adaptive Cards 1.2–1.5): TextBlock,
 * Container, FactSet, ActionSet, Input.Text (labelled), Action.Submit and Action.OpenUrl.
 */
import type {
  CardElementArray,
  IActionSet,
  IContainer,
  IFactSet,
  IOpenUrlAction,
  ISubmitAction,
  ITextBlock,
} from '@microsoft/teams.cards';
import { type ButtonPayload, buttonData } from '../action-data.ts';
import { label } from './card-text.ts';

export type Element = CardElementArray[number];
export type CardAction = ISubmitAction | IOpenUrlAction;

/** A reply as card parts: a body, card-level buttons and a plain summary. */
export interface CardParts {
  body: Element[];
  actions: CardAction[];
  /** shown by clients that cannot render the card, and in notifications */
  summary: string;
}

/** Text must already be made safe with plain() or line(). */
export function text(safe: string, options: Omit<ITextBlock, 'type' | 'text'> = {}): ITextBlock {
  return { type: 'TextBlock', text: safe, wrap: true, ...options };
}

export function heading(safe: string): ITextBlock {
  return text(safe, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

export function subtle(safe: string): ITextBlock {
  return text(safe, { isSubtle: true, size: 'Small', spacing: 'None' });
}

export function container(
  items: Element[],
  options: Omit<IContainer, 'type' | 'items'> = {},
): IContainer {
  return { type: 'Container', items, ...options };
}

export function facts(pairs: { title: string; value: string }[]): IFactSet {
  return { type: 'FactSet', facts: pairs };
}

export function actionSet(actions: CardAction[]): IActionSet {
  return { type: 'ActionSet', actions };
}

/** An ActionSet of the buttons that exist; null when none do. */
export function actionButtons(
  actions: readonly (CardAction | null | undefined | false)[],
): IActionSet | null {
  const kept = present(actions);
  return kept.length > 0 ? actionSet(kept) : null;
}

/**
 * What a screen reader says for a button whose title alone does not say what it acts on
 * ("Full lesson": which?). Adaptive Cards 1.5 reads an action's tooltip to narration
 * software, and shows it on hover.
 */
function spokenAs(spoken: string | undefined): { tooltip?: string } {
  return spoken === undefined ? {} : { tooltip: label(spoken, MAX_SPOKEN) };
}

const MAX_SPOKEN = 100;

export function submit(
  title: string,
  data: Record<string, unknown>,
  spoken?: string,
): ISubmitAction {
  return { type: 'Action.Submit', title: label(title), data, ...spokenAs(spoken) };
}

/** A button's data must stay small: one carrying a huge id or question is left out. */
const MAX_BUTTON_DATA = 2000;

/** A button that comes back to the bot; null when its data would be too big to carry. */
export function botButton(
  title: string,
  payload: ButtonPayload,
  spoken?: string,
): ISubmitAction | null {
  const data = buttonData(payload);
  return JSON.stringify(data).length <= MAX_BUTTON_DATA ? submit(title, data, spoken) : null;
}

export function openUrl(title: string, url: string, spoken?: string): IOpenUrlAction {
  return { type: 'Action.OpenUrl', title: label(title), url, ...spokenAs(spoken) };
}

/** Drops the empty parts of a list built with conditionals. */
export function present<T>(items: readonly (T | null | undefined | false)[]): T[] {
  return items.filter((item): item is T => item !== null && item !== undefined && item !== false);
}
