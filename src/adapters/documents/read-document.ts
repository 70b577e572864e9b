import {
  BotError,
  type DocumentInput,
  describeLimits,
  IMPORT_LIMITS,
  type ImportLimits,
  megabytes,
  type ReadDocument,
  readText,
} from '../../core/index.ts';

/** PNG, JPEG, GIF and TIFF files start with these bytes. */
const PICTURE = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

export type Sniffed = 'pdf' | 'docx' | 'html' | 'text';

/**
 * Reads a document of any supported kind into blocks, in this thread. The bot calls it
 * through readInWorker, which adds time and memory limits; tests and the benchmark may
 * call it directly.
 */
export async function readDocument(
  input: DocumentInput,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<ReadDocument> {
  const { bytes, fileName } = input;
  if (bytes.length > limits.maxBytes)
    throw new BotError(
      'document_too_large',
      `"${fileName}" is ${megabytes(bytes.length)}; the importer reads files of ${describeLimits(limits)}. Import the part with the learning, or write the review file by hand.`,
    );
  if (bytes.length === 0)
    throw new BotError('document_unreadable', `"${fileName}" is empty. Is it the right file?`);
  const kind = sniff(bytes, fileName);
  // The readers (PDF.js above all) are loaded when a document needs them, not when the
  // bot or a command starts.
  switch (kind) {
    case 'pdf':
      return (await import('./read-pdf.ts')).readPdf(bytes, fileName, limits);
    case 'docx':
      return (await import('./read-docx.ts')).readDocx(bytes, fileName, limits);
    case 'html':
      return (await import('./read-html.ts')).readHtml(decode(bytes, fileName));
    default:
      return readText(decode(bytes, fileName));
  }
}

const SUPPORTED = 'a PDF, a Word file (.docx), a web page (.html) or text (.txt, .md)';

/** The kind of document, by its first bytes rather than its name: names lie. */
export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    if (extension === 'docx' || extension === 'docm' || extension === '') return 'docx';
    throw unsupported(
      fileName,
      extension === 'odt'
        ? 'an OpenDocument file: save it as .docx or PDF'
        : 'a zip file that is not a Word document',
    );
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0'))
    throw unsupported(
      fileName,
      'an old Word file (.doc): open it in Word and save it as .docx or PDF',
    );
  if (PICTURE.some((magic) => magic.every((byte, i) => bytes[i] === byte)))
    throw unsupported(
      fileName,
      'a picture: the bot reads text, not images. Ask for the PDF of the review',
    );
  if (/^\{\\rtf/.test(head))
    throw unsupported(fileName, 'a Rich Text file: save it as .docx or PDF');
  if (bytes.subarray(0, 4096).includes(0) && !isUtf16(bytes))
    throw unsupported(fileName, 'not a document the bot knows');
  const start = head
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .trimStart()
    .toLowerCase();
  if (
    ['html', 'htm', 'xhtml'].includes(extension) ||
    /^<(!doctype html|html|head|body)\b/.test(start)
  )
    return 'html';
  if (['txt', 'text', 'md', 'markdown', ''].includes(extension)) return 'text';
  throw unsupported(fileName, `a .${extension} file`);
}

function unsupported(fileName: string, what: string): BotError {
  return new BotError(
    'document_unsupported',
    `"${fileName}" is ${what}. The importer reads ${SUPPORTED}.`,
  );
}

/** Control characters other than tab, line breaks and form feed: binary, not text. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && (code < 9 || code > 13)) return true;
  }
  return false;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252, the usual other. */
function decode(bytes: Uint8Array, fileName: string): string {
  if (isUtf16(bytes))
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    if (hasControlCharacters(text.slice(0, 4096)))
      throw unsupported(fileName, 'not text the bot can read');
    return text;
  }
}
