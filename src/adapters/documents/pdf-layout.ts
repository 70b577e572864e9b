import {
  collapseSpace,
  type HyphenJudge,
  hyphenJudge,
  ITEM_MARKER,
  joinLines,
  type TextBlock,
} from '../../core/index.ts';

/**
 * From the text pieces a PDF places on its pages to blocks in reading order. Most PDFs
 * carry no structure, so this reads the geometry: rows by baseline, columns by the
 * gutter between them, running headers and footers by their repetition at the same
 * place on most pages, headings by size or font, paragraphs by spacing and indent.
 */

/** One piece of text as PDF.js gives it: position of its baseline start, in points. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** A run of text on one baseline within one column. */
interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  page: number;
  /** left edge of the column the line is in */
  left: number;
  /** width of that column */
  span: number;
}

/** Top and bottom bands where running headers, footers and page numbers live. */
const MARGIN_BAND = 0.09;
const PAGE_NUMBER = /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

export function layoutPages(pages: readonly PdfPage[]): {
  blocks: TextBlock[];
  notes: string[];
} {
  const perPage = pages.map((page, i) => orderColumns(page, rowsOf(page.items, i + 1)));
  const lines = dropRunningLines(perPage, pages).flat();
  const judge = hyphenJudge(lines.map((line) => line.text));
  return { blocks: blocksOf(lines, judge), notes: [] };
}

// --- rows and fragments -----------------------------------------------------------------

function rowsOf(items: readonly PdfItem[], page: number): Omit<Line, 'left' | 'span'>[] {
  const visible = items
    .filter((item) => item.str.trim() !== '' && item.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of visible) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(first.size, item.size) * 0.3)
      row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) =>
    fragments(
      row.sort((a, b) => a.x - b.x),
      page,
    ),
  );
}

/** A row splits where the gap is wider than a column gutter could be narrow. */
function fragments(row: PdfItem[], page: number): Omit<Line, 'left' | 'span'>[] {
  const out: Omit<Line, 'left' | 'span'>[] = [];
  let current: PdfItem[] = [];
  const flush = () => {
    const first = current[0];
    const last = current.at(-1);
    if (!first || !last) return;
    let text = '';
    let end = first.x;
    const fonts = new Map<string, number>();
    for (const item of current) {
      const gap = item.x - end;
      text +=
        text !== '' && gap > item.size * 0.15 && !text.endsWith(' ') ? ` ${item.str}` : item.str;
      end = item.x + item.width;
      fonts.set(item.font, (fonts.get(item.font) ?? 0) + item.str.length);
    }
    const font = [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? first.font;
    const size = Math.max(...current.map((item) => item.size));
    out.push({ text: collapseSpace(text), x0: first.x, x1: end, y: first.y, size, font, page });
    current = [];
  };
  for (const item of row) {
    const last = current.at(-1);
    if (last && item.x - (last.x + last.width) > Math.max(item.size, last.size) * 1.5) flush();
    current.push(item);
  }
  flush();
  return out;
}

// --- columns -------------------------------------------------------------------------------

/** Two columns when a vertical gutter near the middle separates lines side by side. */
function orderColumns(page: PdfPage, lines: Omit<Line, 'left' | 'span'>[]): Line[] {
  const gutter = findGutter(page, lines);
  if (gutter === undefined) {
    const left = Math.min(...lines.map((l) => l.x0));
    const right = Math.max(...lines.map((l) => l.x1));
    return lines.map((line) => ({ ...line, left, span: right - left }));
  }
  const leftEdge = Math.min(...lines.filter((l) => l.x1 <= gutter).map((l) => l.x0));
  const rightEdge = Math.min(...lines.filter((l) => l.x0 >= gutter).map((l) => l.x0));
  const rightEnd = Math.max(...lines.map((l) => l.x1));
  const ordered: Line[] = [];
  let leftColumn: Line[] = [];
  let rightColumn: Line[] = [];
  const flush = () => {
    ordered.push(...leftColumn, ...rightColumn);
    leftColumn = [];
    rightColumn = [];
  };
  for (const line of lines) {
    if (line.x1 <= gutter) leftColumn.push({ ...line, left: leftEdge, span: gutter - leftEdge });
    else if (line.x0 >= gutter)
      rightColumn.push({ ...line, left: rightEdge, span: rightEnd - rightEdge });
    else {
      // A line across the gutter (a title, a box) parts the page into bands.
      flush();
      ordered.push({ ...line, left: leftEdge, span: rightEnd - leftEdge });
    }
  }
  flush();
  return ordered;
}

function findGutter(
  page: PdfPage,
  lines: readonly Omit<Line, 'left' | 'span'>[],
): number | undefined {
  const from = page.width * 0.3;
  const to = page.width * 0.7;
  const narrow = lines.filter((l) => l.x1 - l.x0 < page.width * 0.5 && !inMargin(l, page));
  if (narrow.length < 6) return undefined;
  // The widest stretch between `from` and `to` that no narrow line covers.
  const covered = narrow.map((l) => [l.x0, l.x1] as const).sort((a, b) => a[0] - b[0]);
  let best: { start: number; end: number } | undefined;
  let reach = from;
  for (const [x0, x1] of covered) {
    if (x0 > reach) {
      const start = reach;
      const end = Math.min(x0, to);
      if (end - start > (best ? best.end - best.start : 0)) best = { start, end };
    }
    reach = Math.max(reach, x1);
    if (reach >= to) break;
  }
  if (reach < to && to - reach > (best ? best.end - best.start : 0))
    best = { start: reach, end: to };
  if (!best || best.end - best.start < 8) return undefined;
  const gutter = (best.start + best.end) / 2;
  // Columns stand side by side: each holds several lines over much of the same height.
  const left = narrow.filter((l) => l.x1 <= gutter).map((l) => l.y);
  const right = narrow.filter((l) => l.x0 >= gutter).map((l) => l.y);
  if (left.length < 3 || right.length < 3) return undefined;
  const range = (ys: number[]) => Math.max(...ys) - Math.min(...ys);
  const overlap =
    Math.min(Math.max(...left), Math.max(...right)) -
    Math.max(Math.min(...left), Math.min(...right));
  return overlap > 0 && overlap >= 0.5 * Math.min(range(left), range(right)) ? gutter : undefined;
}

// --- running headers, footers and page numbers --------------------------------------------

function inMargin(line: Pick<Line, 'y'>, page: PdfPage | undefined): boolean {
  if (!page) return false;
  return line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;
}

function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function dropRunningLines(perPage: Line[][], pages: readonly PdfPage[]): Line[][] {
  const counts = new Map<string, number>();
  perPage.forEach((lines, i) => {
    const seen = new Set(lines.filter((l) => inMargin(l, pages[i])).map((l) => shape(l.text)));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const repeated = Math.max(2, Math.ceil(perPage.length * 0.5));
  return perPage.map((lines, i) =>
    lines.filter((line) => {
      if (!inMargin(line, pages[i])) return true;
      if (PAGE_NUMBER.test(line.text.trim())) return false;
      return perPage.length < 2 || (counts.get(shape(line.text)) ?? 0) < repeated;
    }),
  );
}

// --- blocks ---------------------------------------------------------------------------------

interface Style {
  size: number;
  font: string;
}

/** The size and font most of the text is set in. */
function bodyStyle(lines: readonly Line[]): Style {
  const weights = new Map<string, number>();
  for (const line of lines) {
    const key = `${Math.round(line.size * 2) / 2}\0${line.font}`;
    weights.set(key, (weights.get(key) ?? 0) + line.text.length);
  }
  const [key] = [...weights].sort((a, b) => b[1] - a[1])[0] ?? ['10\0'];
  const [size, font] = key.split('\0');
  return { size: Number(size), font: font ?? '' };
}

function headingLevel(line: Line, body: Style): number | undefined {
  const ratio = line.size / body.size;
  const words = line.text.split(' ').length;
  if (ratio >= 1.15 && words <= 25) return ratio >= 1.6 ? 1 : ratio >= 1.3 ? 2 : 3;
  const quiet = ratio > 0.95 && line.font !== body.font && words <= 14;
  if (quiet && /^[\p{Lu}\d]/u.test(line.text) && !/[.,;]$/.test(line.text)) return 4;
  return undefined;
}

interface Building {
  kind: TextBlock['kind'];
  lines: Line[];
  level?: number;
  marker?: string;
}

function blocksOf(lines: readonly Line[], judge: HyphenJudge): TextBlock[] {
  const body = bodyStyle(lines);
  const spacing = lineSpacing(lines, body);
  const built: Building[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    const level = headingLevel(line, body);
    const current = built.at(-1);
    const marker = level === undefined ? ITEM_MARKER.exec(line.text) : null;
    if (level !== undefined) {
      const joins =
        current?.kind === 'heading' && current.level === level && prev && near(prev, line, spacing);
      if (joins) current.lines.push(line);
      else built.push({ kind: 'heading', lines: [line], level });
    } else if (marker?.[1] !== undefined) {
      built.push({
        kind: 'item',
        lines: [{ ...line, text: line.text.slice(marker[0].length) }],
        marker: marker[1],
      });
    } else if (
      current &&
      current.kind !== 'heading' &&
      prev &&
      continues(prev, line, current, spacing)
    ) {
      current.lines.push(line);
    } else {
      built.push({ kind: 'paragraph', lines: [line] });
    }
    prev = line;
  }
  return built.map((b) => toBlock(b, judge));
}

function lineSpacing(lines: readonly Line[], body: Style): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b && a.page === b.page && a.left === b.left && a.y > b.y) gaps.push(a.y - b.y);
  }
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)] ?? body.size * 1.2;
}

function near(a: Line, b: Line, spacing: number): boolean {
  return a.page === b.page && a.y - b.y > 0 && a.y - b.y <= Math.max(spacing, b.size * 1.2) * 1.5;
}

const ENDS_SENTENCE = /[.!?:;]["'”’)]*$/;

/** Whether `line` carries on the block that `prev` ended, within a column, a page or across them. */
function continues(prev: Line, line: Line, current: Building, spacing: number): boolean {
  const sameColumn = prev.page === line.page && prev.left === line.left && prev.y > line.y;
  if (!sameColumn) return !ENDS_SENTENCE.test(prev.text) || /^\p{Ll}/u.test(line.text);
  if (!near(prev, line, spacing)) return false;
  const first = current.lines[0];
  const indent = line.x0 - (first?.x0 ?? line.x0);
  // An item's text runs on at its hanging indent; a paragraph's at its left edge.
  if (current.kind === 'item') return indent > -line.size * 0.5;
  if (current.lines.length === 1 && indent < -line.size * 0.8) return true; // first line indented
  if (line.x0 - prev.x0 > line.size * 0.8) return false; // a new first-line indent
  // A short line that ends a sentence ends its paragraph.
  return !(ENDS_SENTENCE.test(prev.text) && prev.x1 - prev.left < prev.span * 0.75);
}

function toBlock(building: Building, judge: HyphenJudge): TextBlock {
  const first = building.lines[0];
  const block: TextBlock = {
    kind: building.kind,
    text: joinLines(
      building.lines.map((l) => l.text),
      judge,
    ),
  };
  if (first) {
    block.page = first.page;
    block.indent = Math.round(first.x0 - first.left);
  }
  if (building.level !== undefined) block.level = building.level;
  if (building.marker !== undefined) block.marker = building.marker;
  return block;
}
