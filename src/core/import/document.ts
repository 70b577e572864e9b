/**
 * A document as the importer sees it: a flat list of blocks in reading order, made by a
 * document reader (PDF, Word, web page, plain text) and free of layout. The readers live
 * outside core (they need I/O libraries); everything after them is pure.
 */

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text';

export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item';
  /** the text, with line breaks and end-of-line hyphens already undone */
  text: string;
  /** 1-based page, where the format has pages */
  page?: number;
  /** headings: 1 is the biggest; unknown levels are 3 */
  level?: number;
  /** items: the marker as printed ("3.", "b)", "•") */
  marker?: string;
  /** PDF: the left edge relative to the text column, in points; a box's text is inset */
  indent?: number;
}

export interface ReadDocument {
  format: DocumentFormat;
  blocks: TextBlock[];
  /** pages for PDF; undefined for formats without pages */
  pages?: number;
  /** the title the file declares (PDF info, HTML <title>), if any */
  title?: string;
  /** the page's own address (HTML canonical link), if any */
  url?: string;
  /** what the reader had to say: skipped scripts, pages without text */
  notes: string[];
}

/** What a reader is given: the file's bytes and its name (for the type and messages). */
export interface DocumentInput {
  bytes: Uint8Array;
  fileName: string;
}

/** Reads a document into blocks; throws BotError('document_unreadable' | 'document_too_large'). */
export type ReadDocumentFn = (input: DocumentInput) => Promise<ReadDocument>;
