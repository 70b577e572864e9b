import { parseDocument } from 'htmlparser2';
import {
  collapseSpace,
  fixSpacedHyphens,
  type ReadDocument,
  type TextBlock,
} from '../../core/index.ts';

/**
 * A web page (or a Word file mammoth has turned into HTML) to blocks, through
 * htmlparser2. Nothing is run or fetched: scripts, styles, frames and forms are skipped,
 * and so are a page's navigation, header, footer and sidebars. Where the page marks its
 * content (<article>, <main>), only that is read.
 */

/** Structural view of domhandler's nodes: what the walk reads. */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  parent?: Node | null;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'dialog',
  'head',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'td',
  'th',
  'tr',
  'table',
  'dd',
  'dt',
  'dl',
  'figcaption',
  'figure',
  'pre',
  'address',
  'center',
  'body',
  'html',
]);
const HEADING = /^h([1-6])$/;
const BOLD = new Set(['strong', 'b']);

export function readHtml(html: string, format: 'html' | 'docx' = 'html'): ReadDocument {
  const dom = parseDocument(html, { decodeEntities: true }) as unknown as Node;
  const notes: string[] = [];
  const scripts = count(dom, (node) => node.type === 'script' || node.name === 'script');
  if (scripts > 0 && format === 'html')
    notes.push(
      `The page has ${scripts} script${scripts === 1 ? '' : 's'}; they were ignored, never run.`,
    );
  const root = find(dom, 'article') ?? find(dom, 'main') ?? dom;
  const blocks = walk(root);
  const title = textOf(find(dom, 'title'));
  const url = canonical(dom);
  return {
    format,
    blocks,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    notes,
  };
}

interface Pending {
  text: string;
  /** characters of it inside <strong> or <b> */
  bold: number;
}

/** Depth-first, with an explicit stack: a page nested 100,000 deep must not overflow ours. */
function walk(root: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pending: Pending = { text: '', bold: 0 };
  let boldDepth = 0;
  const lists: { ordered: boolean; next: number; type: string }[] = [];
  let item: { marker: string } | undefined;

  const flush = () => {
    const text = fixSpacedHyphens(collapseSpace(pending.text));
    const bold = pending.bold;
    pending = { text: '', bold: 0 };
    if (text === '') return;
    if (item) {
      blocks.push({ kind: 'item', text, marker: item.marker });
      item = undefined;
    } else if (bold >= text.replace(/\s/g, '').length && text.split(' ').length <= 14)
      blocks.push({ kind: 'heading', text, level: 4 });
    else blocks.push({ kind: 'paragraph', text });
  };

  type Step = { node: Node; exit: boolean };
  const stack: Step[] = [...(root.children ?? [])].reverse().map((node) => ({ node, exit: false }));
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    const { node } = step;
    const name = node.name?.toLowerCase() ?? '';
    if (step.exit) {
      if (BOLD.has(name)) boldDepth -= 1;
      else if (name === 'ol' || name === 'ul') lists.pop();
      else if (HEADING.test(name)) {
        const text = collapseSpace(pending.text);
        pending = { text: '', bold: 0 };
        if (text !== '')
          blocks.push({ kind: 'heading', text, level: Number(HEADING.exec(name)?.[1]) });
      } else if (BLOCK.has(name) || name === 'li') flush();
      continue;
    }
    if (node.type === 'text') {
      const data = node.data ?? '';
      pending.text += data;
      if (boldDepth > 0) pending.bold += data.replace(/\s/g, '').length;
      continue;
    }
    if (
      node.type === 'script' ||
      node.type === 'style' ||
      node.type === 'comment' ||
      node.type === 'directive'
    )
      continue;
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      pending.text += ' ';
      continue;
    }
    if (HEADING.test(name) || BLOCK.has(name)) flush();
    if (name === 'ol' || name === 'ul') {
      flush();
      const start = Number.parseInt(node.attribs?.start ?? '1', 10);
      lists.push({
        ordered: name === 'ol',
        next: Number.isFinite(start) ? start : 1,
        type: node.attribs?.type ?? '1',
      });
    }
    if (name === 'li') {
      flush();
      item = { marker: markerFor(lists.at(-1)) };
    }
    if (BOLD.has(name)) boldDepth += 1;
    stack.push({ node, exit: true });
    for (const child of [...(node.children ?? [])].reverse())
      stack.push({ node: child, exit: false });
  }
  flush();
  return blocks;
}

function markerFor(list: { ordered: boolean; next: number; type: string } | undefined): string {
  if (!list?.ordered) return '•';
  const n = list.next;
  list.next += 1;
  if (list.type === 'a') return `${String.fromCharCode(96 + Math.min(n, 26))})`;
  if (list.type === 'A') return `${String.fromCharCode(64 + Math.min(n, 26))})`;
  if (list.type.toLowerCase() === 'i') return `${roman(n)})`;
  return `${n}.`;
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = Math.min(n, 39);
  let out = '';
  for (const [value, numeral] of numerals)
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  return out;
}

/** Every node, iteratively. */
function* nodes(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    yield node;
    if (node.children)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
  }
}

function find(root: Node, name: string): Node | undefined {
  for (const node of nodes(root)) if (node.name?.toLowerCase() === name) return node;
  return undefined;
}

function count(root: Node, test: (node: Node) => boolean): number {
  let n = 0;
  for (const node of nodes(root)) if (test(node)) n += 1;
  return n;
}

function textOf(node: Node | undefined): string {
  if (!node) return '';
  let text = '';
  for (const child of nodes(node)) if (child.type === 'text') text += child.data ?? '';
  return collapseSpace(text);
}

function canonical(root: Node): string | undefined {
  for (const node of nodes(root)) {
    const a = node.attribs;
    if (!a) continue;
    const href =
      node.name === 'link' && /\bcanonical\b/i.test(a.rel ?? '')
        ? a.href
        : node.name === 'meta' && a.property === 'og:url'
          ? a.content
          : undefined;
    if (href && /^https?:\/\/[^\s]+$/.test(href)) return href;
  }
  return undefined;
}
