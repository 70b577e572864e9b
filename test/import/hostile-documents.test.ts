import { describe, expect, it } from 'vitest';
import { importInWorker, readDocument } from '../../src/adapters/documents/index.ts';
import {
  BotError,
  type DocumentInput,
  IMPORT_LIMITS,
  type ImportLimits,
  type ImportResult,
} from '../../src/core/index.ts';
import {
  encryptedPdf,
  oldWordFile,
  pdfOfPages,
  plainZip,
  pngPicture,
  scannedPdf,
  zipBomb,
} from '../helpers/hostile-documents.ts';

const context = {
  vocabulary: { themes: [], agencies: [], glossary: [] },
  liveReviewIds: new Set<string>(),
  today: '2026-12-07',
};
type Importer = (input: DocumentInput) => Promise<unknown>;
const inWorker =
  (limits: ImportLimits = IMPORT_LIMITS): Importer =>
  (input) =>
    importInWorker(limits)(input, context);
const read = inWorker();

async function refusal(
  bytes: Uint8Array,
  fileName: string,
  reader: Importer = read,
): Promise<BotError> {
  try {
    await reader({ bytes, fileName });
  } catch (error) {
    expect(error).toBeInstanceOf(BotError);
    // A message a person can act on: no stack, no internals.
    expect((error as BotError).message).not.toMatch(/\n\s+at |undefined|\[object/);
    return error as BotError;
  }
  throw new Error(`${fileName} was read`);
}

describe('bad documents get a clear answer (imported in the worker)', () => {
  it('a scanned PDF without a text layer', async () => {
    const error = await refusal(await scannedPdf(), 'scan.pdf');
    expect(error.code).toBe('document_unreadable');
    expect(error.message).toMatch(/"scan\.pdf" is a scanned image: it has no text layer/);
  });

  it('an encrypted PDF', async () => {
    const error = await refusal(await encryptedPdf(), 'locked.pdf');
    expect(error.code).toBe('document_unreadable');
    expect(error.message).toMatch(/password-protected/);
  });

  it.each([
    ['garbage after the header', new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(5000)}`)],
    ['cut short', new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog')],
  ])('a corrupt PDF: %s', async (_, bytes) => {
    const error = await refusal(bytes, 'broken.pdf');
    expect(error.code).toBe('document_unreadable');
    expect(error.message).toMatch(/damaged or incomplete/);
  });

  it(`a PDF of more than ${IMPORT_LIMITS.maxPages} pages, with the limit stated`, async () => {
    const error = await refusal(await pdfOfPages(IMPORT_LIMITS.maxPages + 1), 'long.pdf');
    expect(error.code).toBe('document_too_large');
    expect(error.message).toMatch(/has 301 pages; the importer reads at most 300/);
  });

  // Making and unzipping 210 MB takes seconds on a busy machine.
  it('a Word "zip bomb": refused at the unzipped limit, whatever its headers say', {
    timeout: 120_000,
  }, async () => {
    const bomb = zipBomb(IMPORT_LIMITS.maxUnzippedBytes / (1024 * 1024) + 10);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const error = await refusal(bomb, 'bomb.docx');
    expect(error.code).toBe('document_too_large');
    expect(error.message).toMatch(/unzips to more than 200 MB/);
  });

  it('a file over 50 MB, with the limit stated, before it is parsed', async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x41);
    const error = await refusal(bytes, 'huge.txt', (input) => readDocument(input));
    expect(error.code).toBe('document_too_large');
    expect(error.message).toMatch(
      /is 50 MB; the importer reads files of at most 50 MB and 300 pages/,
    );
  });

  it.each([
    ['picture.png', pngPicture(), /a picture/],
    ['old.doc', oldWordFile(), /an old Word file \(\.doc\): .* save it as \.docx or PDF/],
    ['archive.zip', plainZip(), /a zip file that is not a Word document/],
    ['notes.odt', plainZip(), /OpenDocument/],
    ['data.xlsx', new TextEncoder().encode('a,b\n1,2'), /a \.xlsx file/],
    ['empty.pdf', new Uint8Array(0), /is empty/],
  ])('an unknown or unsupported type: %s', async (fileName, bytes, message) => {
    const error = await refusal(bytes, fileName);
    expect(['document_unsupported', 'document_unreadable']).toContain(error.code);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(fileName === 'empty.pdf' ? /empty/ : /reads a PDF, a Word file/);
  });

  it('a web page with scripts: read, and the scripts never run', async () => {
    const html =
      '<html><body><script>globalThis.importerRanScript = true</script><h2>Key learning</h2><ol><li>Fictional: practitioners should read the whole chronology before a visit.</li></ol><img src=x onerror="globalThis.importerRanScript = true"></body></html>';
    const { draft, yaml } = (await read({
      bytes: new TextEncoder().encode(html),
      fileName: 'page.html',
    })) as ImportResult;
    expect(draft.warnings.join(' ')).toMatch(/1 script; .*ignored, never run/);
    expect(draft.lessons.map((l) => l.text)).toEqual([
      'Fictional: practitioners should read the whole chronology before a visit.',
    ]);
    expect(yaml).not.toMatch(/importerRanScript/);
    expect((globalThis as { importerRanScript?: boolean }).importerRanScript).toBeUndefined();
  });
});

describe('the worker keeps limits of time and memory', () => {
  const limits = (change: Partial<ImportLimits>): ImportLimits => ({ ...IMPORT_LIMITS, ...change });

  it('a document that takes longer than the time limit is refused, and the worker stopped', async () => {
    const slow = inWorker(limits({ timeoutMs: 50 }));
    const error = await refusal(await pdfOfPages(200), 'slow.pdf', slow);
    expect(error.code).toBe('document_too_large');
    expect(error.message).toMatch(/took longer than 0 s to read, the limit/);
  });

  it('a document that needs more memory than the limit is refused', async () => {
    const small = inWorker(limits({ memoryMb: 16 }));
    const text = `${'Fictional words of a very long page. '.repeat(400_000)}`;
    const error = await refusal(new TextEncoder().encode(text), 'big.txt', small);
    expect(error.code).toBe('document_too_large');
    expect(error.message).toMatch(/needs more than 16 MB of memory to read, the limit/);
  });

  it('the thread that asked keeps running while a document is read', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    await expect(read({ bytes: await pdfOfPages(120), fileName: 'long.pdf' })).rejects.toThrow(
      /Found no learning points in "long\.pdf"/,
    );
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });
});
