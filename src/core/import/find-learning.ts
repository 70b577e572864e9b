import {
  classifyHeading,
  introducesLearning,
  readLabel,
  readsAsRecommendation,
  type SectionKind,
} from './classify-heading.ts';
import { comparable } from './clean-text.ts';
import type { TextBlock } from './document.ts';

/** A learning point as found, before it becomes a lesson. */
export interface FoundLesson {
  text: string;
  page?: number;
  /** a title the document gives it ("Finding 3: <title>") */
  title?: string;
  /** where it was found, for the draft's notes: 'item 3 under "Learning points"' */
  where: string;
}

interface Section {
  kind: SectionKind;
  level: number;
  heading: string;
  findings: boolean;
  /** items have been taken and a paragraph followed: nothing more until the next heading */
  closed: boolean;
  items: number;
  paragraphs: TextBlock[];
  /** the marker family of the first item, so that sub-items join their item */
  family?: string;
}

/** Paragraphs of a learning section without a list: more than this is discussion, not a list. */
const MAX_SECTION_PARAGRAPHS = { learning: 25, findings: 6 };
const MIN_WORDS = 6;

/**
 * The learning points a document lists: items under learning headings or after a line
 * that introduces them, labelled points ("Learning point 2: …", "Finding 3: …"), and the
 * paragraphs of a learning section that has no list (a box of key learning). Never from
 * recommendations, terms of reference, contents, chronology or appendices.
 */
export function findLearning(blocks: readonly TextBlock[]): FoundLesson[] {
  const found: FoundLesson[] = [];
  let section: Section | undefined;
  let intro: { heading: string; items: number; family?: string } | undefined;
  let pendingFinding: { title: string; page?: number; heading: string } | undefined;

  const flushParagraphs = () => {
    if (section === undefined) return;
    found.push(...sectionParagraphs(section));
  };

  for (const block of blocks) {
    const label = block.kind === 'item' ? undefined : readLabel(block.text);
    if (label && section?.kind !== 'excluded') {
      const words = label.rest.split(/\s+/).length;
      const heading = `${label.kind === 'finding' ? 'Finding' : 'Learning point'}${label.number ? ` ${label.number}` : ''}`;
      if (block.kind === 'heading' && words < 8)
        pendingFinding = { title: label.rest, heading, ...page(block) };
      else if (words >= MIN_WORDS)
        found.push({ text: label.rest, where: `"${heading}"`, ...page(block) });
      if (section) section.paragraphs = [];
      continue;
    }
    if (block.kind === 'heading') {
      intro = undefined;
      pendingFinding = undefined;
      const kind = classifyHeading(block.text);
      const level = block.level ?? 3;
      // A smaller heading inside a section (a theme within the learning) does not end it.
      if (section && kind === 'other' && level > section.level && !section.closed) continue;
      flushParagraphs();
      section = {
        kind,
        level,
        heading: block.text,
        findings: /finding/i.test(block.text),
        closed: false,
        items: 0,
        paragraphs: [],
      };
      continue;
    }
    if (pendingFinding && block.kind === 'paragraph') {
      const { title, heading } = pendingFinding;
      found.push({ text: block.text, title, where: `under "${heading}"`, ...page(block) });
      pendingFinding = undefined;
      continue;
    }
    if (block.kind === 'paragraph') {
      if (introducesLearning(block.text) && section?.kind !== 'excluded') {
        intro = { heading: block.text, items: 0 };
        continue;
      }
      const last = found.at(-1);
      const taking = (intro?.items ?? 0) > 0 || (section?.kind === 'learning' && section.items > 0);
      if (taking && last && /^\p{Ll}/u.test(block.text)) {
        // A lower-case start continues the item above (it ran over a page or a box).
        last.text = `${last.text} ${block.text}`;
        continue;
      }
      intro = undefined;
      if (section?.kind === 'learning' && !section.closed) {
        if (section.items > 0) section.closed = true;
        else section.paragraphs.push(block);
      }
      continue;
    }
    // An item.
    const open = intro ?? (section?.kind === 'learning' && !section.closed ? section : undefined);
    if (open === undefined) continue;
    const holder = intro ? intro : (section as Section);
    takeItem(
      block,
      holder,
      found,
      intro ? `the list after "${intro.heading}"` : `"${section?.heading}"`,
    );
  }
  flushParagraphs();
  return dedupe(found);
}

function page(block: TextBlock): { page?: number } {
  return block.page === undefined ? {} : { page: block.page };
}

/** Marker families: numbers, letters, roman numerals, bullets. A sub-item joins its item. */
function familyOf(marker: string | undefined): string {
  if (marker === undefined) return 'none';
  if (/\d/.test(marker)) return 'number';
  if (/^\(?[ivx]+[.)]$/.test(marker)) return 'roman';
  if (/[a-z]/i.test(marker)) return 'letter';
  return 'bullet';
}

function takeItem(
  block: TextBlock,
  holder: { items: number; family?: string },
  found: FoundLesson[],
  under: string,
): void {
  const family = familyOf(block.marker);
  holder.family ??= family;
  const last = found.at(-1);
  if (holder.family !== family && holder.items > 0 && last) {
    last.text = `${last.text} ${block.marker ?? ''} ${block.text}`.replace(/\s+/g, ' ');
    return;
  }
  if (readsAsRecommendation(block.text) || block.text.split(/\s+/).length < 3) return;
  holder.items += 1;
  found.push({ text: block.text, where: `item ${holder.items} under ${under}`, ...page(block) });
}

/** A learning section without a list: its paragraphs, if few and all in one box. */
function sectionParagraphs(section: Section): FoundLesson[] {
  if (section.kind !== 'learning' || section.items > 0) return [];
  const max = section.findings ? MAX_SECTION_PARAGRAPHS.findings : MAX_SECTION_PARAGRAPHS.learning;
  // A box of learning ends where the indent changes back to the body's.
  const paragraphs = section.paragraphs
    .slice(0, firstChange(section.paragraphs))
    .filter((p) => p.text.split(/\s+/).length >= MIN_WORDS && !/:\s*$/.test(p.text));
  if (paragraphs.length === 0 || paragraphs.length > max) return [];
  return paragraphs.map((p, i) => ({
    text: p.text,
    where: `paragraph ${i + 1} under "${section.heading}"`,
    ...page(p),
  }));
}

function firstChange(paragraphs: readonly TextBlock[]): number {
  const indent = paragraphs[0]?.indent ?? 0;
  const index = paragraphs.findIndex((p) => Math.abs((p.indent ?? 0) - indent) > 3);
  return index === -1 ? paragraphs.length : index;
}

/** The same point printed twice (an executive summary and the body) is kept once. */
function dedupe(found: FoundLesson[]): FoundLesson[] {
  const seen = new Set<string>();
  return found.filter((lesson) => {
    const key = comparable(lesson.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
