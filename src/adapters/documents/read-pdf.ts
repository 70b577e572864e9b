import { getDocumentProxy } from 'unpdf';
import { BotError, describeError, type ImportLimits, type ReadDocument } from '../../core/index.ts';
import { layoutPages, type PdfItem, type PdfPage } from './pdf-layout.ts';

/** Fewer letters than this per page on average: the pages are pictures of text. */
const MIN_CHARS_PER_PAGE = 40;

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

/**
 * A PDF through unpdf (PDF.js, pure JavaScript): text pieces with their positions, page
 * by page, then laid out into blocks. Encrypted, corrupt, scanned and oversized files
 * are refused with a message that says what to do instead.
 */
export async function readPdf(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
): Promise<ReadDocument> {
  const pdf = await open(bytes, fileName);
  try {
    if (pdf.numPages > limits.maxPages)
      throw new BotError(
        'document_too_large',
        `"${fileName}" has ${pdf.numPages} pages; the importer reads at most ${limits.maxPages}. Import the part with the learning (e.g. print those pages to a PDF), or write the review file by hand.`,
      );
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
      const content = await page.getTextContent();
      const items = (content.items as PdfTextItem[]).flatMap((item) => toItem(item, x0, y0));
      chars += items.reduce((sum, item) => sum + item.str.trim().length, 0);
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    if (chars < MIN_CHARS_PER_PAGE * pdf.numPages && chars < 2000)
      throw new BotError(
        'document_unreadable',
        `"${fileName}" is a scanned image: it has no text layer, so the bot cannot read it. Ask the partnership for the accessible (text) version, or run it through OCR first.`,
      );
    const title = await documentTitle(pdf);
    const { blocks, notes } = layoutPages(pages);
    const empty = pages.filter((p) => p.items.length === 0).length;
    if (empty > 0)
      notes.push(
        `${empty} of ${pdf.numPages} pages have no text (pictures or scans); check nothing on them is missing.`,
      );
    return { format: 'pdf', blocks, pages: pdf.numPages, ...(title ? { title } : {}), notes };
  } finally {
    await pdf.destroy();
  }
}

type Proxy = Awaited<ReturnType<typeof getDocumentProxy>>;

async function open(bytes: Uint8Array, fileName: string): Promise<Proxy> {
  try {
    // PDF.js may take the buffer over: give it a copy. No eval, no fonts loaded, no logs.
    return await getDocumentProxy(bytes.slice(), {
      isEvalSupported: false,
      verbosity: 0,
      maxImageSize: 1,
      stopAtErrors: false,
    });
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException')
      throw new BotError(
        'document_unreadable',
        `"${fileName}" is password-protected (encrypted), so the bot cannot read it. Save an unprotected copy, or ask the partnership for one.`,
      );
    throw new BotError(
      'document_unreadable',
      `"${fileName}" is not a PDF the bot can read: it is damaged or incomplete (${describeError(error, true)}). Download it again, or save it again as PDF.`,
    );
  }
}

/** Upright text only: rotated pieces are watermarks and margin notes. */
function toItem(item: PdfTextItem, x0: number, y0: number): PdfItem[] {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform ?? [];
  if (typeof item.str !== 'string' || item.str === '' || Math.abs(b) > 0.01 || Math.abs(c) > 0.01)
    return [];
  return [
    {
      str: item.str,
      x: e - x0,
      y: f - y0,
      width: item.width ?? 0,
      size: Math.abs(d) || Math.abs(a),
      font: item.fontName ?? '',
    },
  ];
}

async function documentTitle(pdf: Proxy): Promise<string | undefined> {
  try {
    const { info } = (await pdf.getMetadata()) as { info?: { Title?: unknown } };
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    // Word processors fill it with "Microsoft Word - draft3.docx" or leave "untitled".
    return title && !/^(untitled|microsoft word|document\d*$)/i.test(title) ? title : undefined;
  } catch {
    return undefined;
  }
}
