import { Unzip, UnzipInflate } from 'fflate';
import mammoth from 'mammoth';
import type { ImportLimits, ReadDocument } from '../../core/index.ts';
import { BotError, describeError, megabytes } from '../../core/index.ts';
import { readHtml } from './read-html.ts';

/**
 * A Word file through mammoth, which keeps headings and numbered and bulleted lists,
 * then read as HTML. A .docx is a zip: before mammoth sees it, every entry is unzipped
 * once, counting and discarding the bytes, so that a "zip bomb" (a small file that
 * unzips to gigabytes) is refused at the limit whatever its headers claim.
 */
export async function readDocx(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
): Promise<ReadDocument> {
  checkZip(bytes, fileName, limits);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Pictures are never read: a review's learning is in its text.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    throw new BotError(
      'document_unreadable',
      `"${fileName}" could not be read as a Word document (${describeError(error, true)}). Open it in Word and save it again as .docx, or save it as PDF.`,
    );
  }
  return readHtml(html, 'docx');
}

function checkZip(bytes: Uint8Array, fileName: string, limits: ImportLimits): void {
  let total = 0;
  let entries = 0;
  let hasDocument = false;
  let failure: BotError | undefined;
  const tooLarge = (what: string) =>
    new BotError(
      'document_too_large',
      `"${fileName}" ${what}. A Word file may unzip to at most ${megabytes(limits.maxUnzippedBytes)} in ${limits.maxZipEntries} parts: this looks like a "zip bomb", not a review. Save the review as PDF and import that.`,
    );
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries += 1;
    if (entries > limits.maxZipEntries) {
      failure = tooLarge(`has more than ${limits.maxZipEntries} parts`);
      return;
    }
    if (file.name === 'word/document.xml') hasDocument = true;
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = damaged(fileName, error.message);
        return;
      }
      total += chunk.length;
      if (total > limits.maxUnzippedBytes) {
        failure = tooLarge(`unzips to more than ${megabytes(limits.maxUnzippedBytes)}`);
        file.terminate();
      }
    };
    try {
      file.start();
    } catch (error) {
      failure = damaged(fileName, describeError(error, true));
    }
  });
  unzip.register(UnzipInflate);
  const step = 1 << 16;
  try {
    for (let at = 0; at < bytes.length && !failure; at += step)
      unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
  } catch (error) {
    failure ??= damaged(fileName, describeError(error, true));
  }
  if (failure) throw failure;
  if (!hasDocument)
    throw new BotError(
      'document_unreadable',
      `"${fileName}" is not a Word document (it has no word/document.xml). Is it another kind of zip file? Save the review as .docx or PDF.`,
    );
}

function damaged(fileName: string, reason: string): BotError {
  return new BotError(
    'document_unreadable',
    `"${fileName}" is damaged (${reason}). Open it in Word and save it again, or save it as PDF.`,
  );
}
