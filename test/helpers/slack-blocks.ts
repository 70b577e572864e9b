/**
 * Checks on Block Kit output shared by the renderer's property tests and the end-to-end
 * tests: Slack's documented limits, and that no mrkdwn can mention anyone or link anywhere
 * except to a well-formed http(s) URL.
 */

interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
}

interface AnyBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Array<
    TextObject | { type: 'button'; text: TextObject; value: string; action_id: string }
  >;
  accessory?: { type: 'button'; text: TextObject; value: string; action_id: string };
  /** an input block's */
  label?: TextObject;
  hint?: TextObject;
  block_id?: string;
  element?: { type: string; action_id: string; max_length?: number; placeholder?: TextObject };
}

export interface CheckOptions {
  surface: 'message' | 'home';
  /** user ids the message may mention (e.g. "Shared by <@U123>") */
  mentions?: readonly string[];
  /** channel ids it may link (the Home tab's subscriptions) */
  channels?: readonly string[];
}

const SAFE_LINK = /^<https?:\/\/[^\s<>|"`]+\|[^<>]*>$/;

/** Every problem with a mrkdwn string: a mention, a broken link, a bare `&`. */
export function mrkdwnProblems(text: string, options: CheckOptions): string[] {
  const problems: string[] = [];
  const allowed = new Set([
    ...(options.mentions ?? []).map((id) => `<@${id}>`),
    ...(options.channels ?? []).map((id) => `<#${id}>`),
  ]);
  for (const match of text.matchAll(/<[^<>]*>?/g)) {
    const token = match[0];
    if (!allowed.has(token) && !SAFE_LINK.test(token))
      problems.push(`unsafe token ${JSON.stringify(token)}`);
  }
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push('bare & (Slack reads &…; as an entity)');
  return problems;
}

function textProblems(where: string, t: TextObject, max: number, options: CheckOptions): string[] {
  const problems: string[] = [];
  if (t.text.length > max) problems.push(`${where}: ${t.text.length} > ${max} chars`);
  if (t.text.trim() === '') problems.push(`${where}: blank text`);
  if (t.type === 'mrkdwn')
    problems.push(...mrkdwnProblems(t.text, options).map((p) => `${where}: ${p}`));
  return problems;
}

function buttonProblems(
  where: string,
  b: { text: TextObject; value: string; action_id: string },
): string[] {
  const problems: string[] = [];
  if (b.text.type !== 'plain_text') problems.push(`${where}: button text must be plain_text`);
  if (b.text.text.length > 75 || b.text.text.trim() === '')
    problems.push(`${where}: button text length ${b.text.text.length}`);
  if (b.value.length > 2000) problems.push(`${where}: value ${b.value.length} > 2000`);
  if (b.action_id.length > 255) problems.push(`${where}: action_id too long`);
  return problems;
}

/** An input block: plain_text label, hint and placeholder within their limits. */
function inputProblems(where: string, block: AnyBlock, options: CheckOptions): string[] {
  const { label, hint, element } = block;
  if (!label || !element) return [`${where}: an input needs a label and an element`];
  const problems = [label, hint, element.placeholder].flatMap((t, i) =>
    t === undefined ? [] : textProblems(where, t, [2000, 2000, 150][i] ?? 0, options),
  );
  if ([label, hint, element.placeholder].some((t) => t && t.type !== 'plain_text'))
    problems.push(`${where}: label, hint and placeholder must be plain_text`);
  if ((block.block_id?.length ?? 0) > 255 || element.action_id.length > 255)
    problems.push(`${where}: block_id or action_id too long`);
  if ((element.max_length ?? 0) > 3000) problems.push(`${where}: max_length over 3000`);
  return problems;
}

function blockProblems(block: AnyBlock, i: number, options: CheckOptions): string[] {
  const where = `block ${i} (${block.type})`;
  const problems: string[] = [];
  if (block.type === 'header' && block.text)
    problems.push(...textProblems(where, block.text, 150, options));
  if (block.type === 'section' && block.text)
    problems.push(...textProblems(where, block.text, 3000, options));
  const fields = block.fields ?? [];
  if (fields.length > 10) problems.push(`${where}: ${fields.length} fields`);
  fields.forEach((field, j) => {
    problems.push(...textProblems(`${where} field ${j}`, field, 2000, options));
  });
  if (block.accessory) problems.push(...buttonProblems(where, block.accessory));
  if (block.type === 'input') problems.push(...inputProblems(where, block, options));
  const elements = block.elements ?? [];
  if (block.type === 'context' && elements.length > 10)
    problems.push(`${where}: ${elements.length} elements`);
  if (block.type === 'actions' && elements.length > 25)
    problems.push(`${where}: ${elements.length} elements`);
  const ids = new Set<string>();
  for (const element of elements) {
    if ('value' in element) {
      problems.push(...buttonProblems(where, element));
      if (ids.has(element.action_id))
        problems.push(`${where}: duplicate action_id ${element.action_id}`);
      ids.add(element.action_id);
    } else {
      problems.push(...textProblems(where, element, 3000, options));
    }
  }
  return problems;
}

/** All limit and safety problems in a message (text + blocks) or a Home view's blocks. */
export function blockKitProblems(
  message: { text?: string; blocks: readonly unknown[] },
  options: CheckOptions,
): string[] {
  const blocks = message.blocks as AnyBlock[];
  const maxBlocks = options.surface === 'home' ? 100 : 50;
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  if (blocks.length === 0) problems.push('no blocks');
  const json = JSON.stringify(blocks).length;
  if (options.surface === 'message' && json > 12_000) problems.push(`blocks JSON is ${json} chars`);
  if (message.text !== undefined) {
    problems.push(
      ...textProblems('fallback text', { type: 'mrkdwn', text: message.text }, 3000, options),
    );
  }
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(block, i, options));
  });
  return problems;
}

/** Every text a person could see: the fallback, mrkdwn, plain_text and button labels, in order. */
export function visibleTexts(message: { text?: string; blocks: readonly unknown[] }): string[] {
  const texts: string[] = message.text === undefined ? [] : [message.text];
  for (const block of message.blocks as AnyBlock[]) {
    if (block.text) texts.push(block.text.text);
    if (block.label) texts.push(block.label.text);
    for (const field of block.fields ?? []) texts.push(field.text);
    if (block.accessory) texts.push(block.accessory.text.text);
    for (const element of block.elements ?? []) {
      texts.push('value' in element ? element.text.text : element.text);
    }
  }
  return texts;
}

/** The buttons of a message with their decoded actions, e.g. { label: 'Share to channel', action: { kind: 'share', id } }. */
export function buttonActions(message: {
  blocks: readonly unknown[];
}): Array<{ label: string; action: Record<string, unknown> }> {
  return (message.blocks as AnyBlock[]).flatMap((block) => {
    const buttons = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])];
    return buttons.flatMap((b) =>
      'value' in b
        ? [{ label: b.text.text, action: JSON.parse(b.value) as Record<string, unknown> }]
        : [],
    );
  });
}

/** The ids of the lessons a message offers to share: the lessons it shows. */
export function sharedLessonIds(message: { blocks: readonly unknown[] }): string[] {
  return buttonActions(message)
    .filter((b) => b.action.kind === 'share')
    .map((b) => String(b.action.id));
}
