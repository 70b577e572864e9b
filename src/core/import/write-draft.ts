import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type Pair,
  Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Draft, DraftReview } from './build-draft.ts';
import type { Found } from './find-metadata.ts';

/**
 * The draft review file: the corpus format, so that `validate` and `approve` read it as
 * they read any review, with comments that say where each value came from and what a
 * person must check. Lines starting "# draft:" and notes starting "# check:" are the
 * importer's; approve removes them.
 */
export const DRAFT_LINE = '# draft:';
export const CHECK_NOTE = '# check:';

const FORMAT_NAMES = { pdf: 'PDF', docx: 'Word', html: 'web page', text: 'text' } as const;

export function writeDraftYaml(draft: Draft, today: string): string {
  const { review, source } = draft;
  const data: Record<string, unknown> = {
    id: review.id,
    title: review.title,
    kind: review.kind ?? '',
    partnership: review.partnership ?? '',
    area: review.area ?? '',
    published: review.published ?? '',
    ...(review.url ? { url: review.url } : {}),
    summary: review.summary ?? '',
    source: sourceLine(draft),
    lessons: draft.lessons.map(({ id, title, text, themes, agencies }) => ({
      id,
      title,
      text,
      themes,
      agencies,
    })),
  };
  const doc = new Document(data);
  const what = `${FORMAT_NAMES[source.format]}${source.pages ? `, ${source.pages} pages` : ''}`;
  doc.commentBefore = [
    ...[
      `DRAFT: not served to anyone until it is approved.`,
      `Check it against the published document: every "check:" note, each lesson's`,
      `text word for word, and that nothing identifies a child or family beyond what the`,
      `published review states. Delete any lesson that is not a learning point.`,
      `Then run: lessons-bot approve ${review.id}`,
      `(approve removes these "draft:" lines and the "check:" notes).`,
    ].map((line) => ` ${DRAFT_LINE.slice(2)} ${line}`),
    '',
    ` Imported by lessons-bot from "${source.fileName}" (${what}) on ${today}.`,
    ' Lesson texts are quoted verbatim from it; titles, themes and agencies were suggested',
    ' by the importer and checked by a person.',
  ].join('\n');
  noteReview(doc, draft);
  noteLessons(doc, draft);
  return doc.toString({ lineWidth: 88, minContentWidth: 40, flowCollectionPadding: false });
}

function sourceLine(draft: Draft): string {
  const { metadata, review } = draft;
  const title = metadata.documentTitle?.value ?? draft.source.fileName;
  const who = review.partnership ? `${review.partnership}, ` : '';
  return `${who}'${title}'${review.published ? ` (${review.published})` : ''}`.slice(0, 400);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function note(map: YAMLMap, key: string, text: string): void {
  const pair = pairOf(map, key);
  if (pair && isScalar(pair.key)) pair.key.commentBefore = text;
}

/** Continuation lines of a note start so; approve removes them with the note. */
export const NOTE_CONTINUATION = '#   ';
const NOTE_WIDTH = 84;

/** A "check:" note, wrapped; the YAML writer adds each line's "#". */
function check(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const prefix = lines.length === 0 ? CHECK_NOTE : NOTE_CONTINUATION;
    if (line !== '' && prefix.length + line.length + word.length + 1 > NOTE_WIDTH) {
      lines.push(`${prefix.slice(1)} ${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  const prefix = lines.length === 0 ? CHECK_NOTE : NOTE_CONTINUATION;
  lines.push(`${prefix.slice(1)} ${line}`);
  return lines.join('\n');
}

function foundOrMissing(found: Found<unknown> | undefined, missing: string): string {
  return check(found ? `from ${found.from}` : `not found in the document: ${missing}`);
}

function fold(map: YAMLMap, key: string): void {
  const value = map.get(key, true);
  if (value instanceof Scalar && typeof value.value === 'string' && value.value.length > 60)
    value.type = 'BLOCK_FOLDED';
}

function noteReview(doc: Document, draft: Draft): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  const { metadata } = draft;
  const review: DraftReview = draft.review;
  note(
    map,
    'id',
    check(
      'made from the area and the review name; it can never change once approved, so fix it now if it is not right',
    ),
  );
  note(map, 'title', foundOrMissing(metadata.name, "write the review's name, e.g. Child S"));
  note(map, 'kind', foundOrMissing(metadata.kind, 'write scr, lcspr, national or thematic'));
  note(
    map,
    'partnership',
    foundOrMissing(metadata.partnership, 'write the partnership or board that published it'),
  );
  note(map, 'area', foundOrMissing(metadata.area, 'write the local authority area'));
  note(
    map,
    'published',
    foundOrMissing(metadata.published, 'write the publication date: YYYY, YYYY-MM or YYYY-MM-DD'),
  );
  if (review.url) note(map, 'url', foundOrMissing(metadata.url, ''));
  const summaryNote = metadata.summary
    ? `from ${metadata.summary.from}: keep two or three sentences, anonymised as in the published review${
        draft.summaryPersonalData.length > 0
          ? `; it may hold personal data (${draft.summaryPersonalData.join(', ')})`
          : ''
      }`
    : 'not found in the document: write two or three sentences on what happened, anonymised as in the published review';
  const urlNote = review.url
    ? ''
    : `\n${check('no web address for the review was found: add "url: https://…" for the published report, or leave it out')}`;
  note(map, 'summary', `${check(summaryNote)}${urlNote}`);
  note(map, 'source', check("who published the text quoted, and the document's title"));
  fold(map, 'summary');
  fold(map, 'source');
}

function noteLessons(doc: Document, draft: Draft): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const lessons = root.get('lessons', true) as YAMLSeq | undefined;
  lessons?.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const lesson = draft.lessons[i];
    const notes = draft.notes[i];
    if (!lesson || !notes) return;
    const page = lesson.page === null ? '' : ` on page ${lesson.page}`;
    const kind =
      draft.mode === 'candidates'
        ? `a candidate: ${notes.where}${page} that reads as learning; keep it only if it is a learning point`
        : `${notes.where}${page}`;
    const lines = [check(`${kind}; the text must match the document word for word`)];
    if (notes.personalData.length > 0)
      lines.push(
        check(
          `may hold personal data (${notes.personalData.join(', ')}): keep only what is published`,
        ),
      );
    item.commentBefore = lines.join('\n');
    note(
      item,
      'title',
      check(
        notes.titleFromDocument
          ? "the document's own heading, shortened"
          : "written by the importer from the text's first words: make it plain and short",
      ),
    );
    note(
      item,
      'themes',
      check(
        lesson.themes.length > 0
          ? 'suggested from lessons/themes.yaml and the glossary: keep 1–4, most specific first'
          : 'none suggested: give 1–4 theme ids from lessons/themes.yaml',
      ),
    );
    note(item, 'agencies', check('suggested from lessons/agencies.yaml: who the lesson is for'));
    fold(item, 'text');
    for (const key of ['themes', 'agencies']) {
      const list = item.get(key, true);
      if (isSeq(list)) list.flow = true;
    }
  });
}
