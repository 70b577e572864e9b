/**
 * Broken and hostile documents for the importer, made at test time (all fictional).
 */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

/** A page that is a picture of text: an image and no text layer, as a scanner makes. */
export async function scannedPdf(pages = 2): Promise<Uint8Array> {
  const png = new PNG({ width: 200, height: 280 });
  for (let i = 0; i < png.data.length; i += 4) {
    const ink = (i / 4) % 200 < 150 && Math.floor(i / 4 / 200) % 12 < 2;
    png.data.set(ink ? [20, 20, 20, 255] : [250, 250, 245, 255], i);
  }
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(PNG.sync.write(png));
  for (let i = 0; i < pages; i++)
    doc.addPage([595, 842]).drawImage(image, { x: 40, y: 40, width: 515, height: 762 });
  return doc.save();
}

/** A PDF whose trailer says it is encrypted, with a user password we do not know. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc
    .addPage()
    .drawText('Fictional: learning points behind a password.', { x: 50, y: 700, size: 12, font });
  const context = doc.context;
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('00'.repeat(32)),
      U: PDFHexString.of('11'.repeat(32)),
      P: -4,
    }),
  );
  context.trailerInfo.ID = context.obj([
    PDFHexString.of('ab'.repeat(16)),
    PDFHexString.of('ab'.repeat(16)),
  ]);
  return doc.save({ useObjectStreams: false });
}

/** A PDF of `pages` pages, each with a line of text. */
export async function pdfOfPages(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc
      .addPage([300, 400])
      .drawText(`Fictional page ${i} of a very long document.`, { x: 20, y: 300, size: 10, font });
  return doc.save();
}

/** A .docx whose document.xml unzips to `megabytes` of spaces: a few hundred kilobytes sent. */
export function zipBomb(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const types = new ZipDeflate('[Content_Types].xml', { level: 9 });
  zip.add(types);
  types.push(new TextEncoder().encode('<?xml version="1.0"?><Types/>'), true);
  const entry = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(entry);
  const block = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) entry.push(block, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A zip that is not a Word file. */
export function plainZip(): Uint8Array {
  return zipSync({ 'notes.txt': new TextEncoder().encode('Fictional notes.') });
}

export function pngPicture(): Uint8Array {
  const png = new PNG({ width: 4, height: 4 });
  return PNG.sync.write(png);
}

/** The first bytes of an old binary Word file (.doc). */
export function oldWordFile(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}
