import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * A small page-layout writer over pdf-lib for fictional test reviews: text flows into
 * one or two columns, breaks lines to the column width (hyphenating long words at line
 * ends, as justified reports do), and running headers and footers go on every page.
 */

const A4 = { width: 595, height: 842 };
const MARGIN = 56;
const GUTTER = 24;

export interface WriterOptions {
  columns?: 1 | 2;
  header?: (page: number, pages: number) => string;
  footer?: (page: number, pages: number) => string;
  /** break long words at line ends with a hyphen */
  hyphenate?: boolean;
  title?: string;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export class PdfWriter {
  private doc!: PDFDocument;
  private fonts!: Fonts;
  private page!: PDFPage;
  private column = 0;
  private y = 0;
  private columns: 1 | 2;
  private readonly options: WriterOptions;

  private constructor(options: WriterOptions) {
    this.options = options;
    this.columns = options.columns ?? 1;
  }

  static async create(options: WriterOptions = {}): Promise<PdfWriter> {
    const writer = new PdfWriter(options);
    writer.doc = await PDFDocument.create();
    writer.fonts = {
      regular: await writer.doc.embedFont(StandardFonts.TimesRoman),
      bold: await writer.doc.embedFont(StandardFonts.TimesRomanBold),
    };
    if (options.title) writer.doc.setTitle(options.title);
    writer.newPage();
    return writer;
  }

  private get columnWidth(): number {
    const inner = A4.width - 2 * MARGIN;
    return this.columns === 1 ? inner : (inner - GUTTER) / 2;
  }

  private get columnX(): number {
    return MARGIN + this.column * (this.columnWidth + GUTTER);
  }

  get pages(): number {
    return this.doc.getPageCount();
  }

  newPage(): this {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.column = 0;
    this.y = A4.height - MARGIN - 20;
    return this;
  }

  /** Full-width text above the columns (a title). */
  banner(text: string, size: number): this {
    this.page.drawText(text, { x: MARGIN, y: this.y, size, font: this.fonts.bold });
    this.y -= size * 1.6;
    return this;
  }

  setColumns(columns: 1 | 2): this {
    this.columns = columns;
    this.column = 0;
    return this;
  }

  private space(height: number): void {
    if (this.y - height >= MARGIN + 20) return;
    if (this.columns === 2 && this.column === 0) {
      this.column = 1;
      this.y = this.columnTop;
      return;
    }
    this.newPage();
    this.columnTop = this.y;
  }

  private columnTop = A4.height - MARGIN - 20;

  /** Marks where the columns start (below a banner). */
  startColumns(): this {
    this.columnTop = this.y;
    return this;
  }

  heading(text: string, size = 14): this {
    this.space(size * 3);
    this.y -= size * 0.6;
    this.drawLines(
      this.wrap(text, this.fonts.bold, size, this.columnWidth, false),
      this.fonts.bold,
      size,
      0,
    );
    this.y -= size * 0.4;
    return this;
  }

  paragraph(text: string, options: { indent?: number; size?: number; bold?: boolean } = {}): this {
    const size = options.size ?? 11;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const lines = this.wrap(
      text,
      font,
      size,
      this.columnWidth - indent,
      this.options.hyphenate ?? false,
    );
    this.drawLines(lines, font, size, indent);
    this.y -= size * 0.7;
    return this;
  }

  /** A numbered or bulleted item with a hanging indent. */
  item(marker: string, text: string, size = 11): this {
    const hang = 18;
    const lines = this.wrap(
      text,
      this.fonts.regular,
      size,
      this.columnWidth - hang,
      this.options.hyphenate ?? false,
    );
    this.space(size * 1.3);
    this.page.drawText(marker, { x: this.columnX, y: this.y, size, font: this.fonts.regular });
    this.drawLines(lines, this.fonts.regular, size, hang);
    this.y -= size * 0.4;
    return this;
  }

  /** A shaded box with a bold title and inset paragraphs. */
  box(title: string, paragraphs: readonly string[], size = 11): this {
    const pad = 12;
    const width = this.columnWidth - 2 * pad;
    const wrapped = paragraphs.map((p) => this.wrap(p, this.fonts.regular, size, width, false));
    const height =
      size * 1.3 * (wrapped.flat().length + 2) + size * 0.7 * paragraphs.length + 2 * pad;
    this.space(height);
    this.page.drawRectangle({
      x: this.columnX,
      y: this.y - height + size + pad,
      width: this.columnWidth,
      height,
      color: rgb(0.9, 0.93, 0.97),
      borderColor: rgb(0.3, 0.4, 0.6),
      borderWidth: 1,
    });
    this.y -= pad;
    this.drawLines([title], this.fonts.bold, size, pad);
    this.y -= size * 0.5;
    for (const lines of wrapped) {
      this.drawLines(lines, this.fonts.regular, size, pad);
      this.y -= size * 0.7;
    }
    this.y -= pad + size;
    return this;
  }

  private drawLines(lines: readonly string[], font: PDFFont, size: number, indent: number): void {
    for (const line of lines) {
      this.space(size * 1.3);
      this.page.drawText(line, { x: this.columnX + indent, y: this.y, size, font });
      this.y -= size * 1.3;
    }
  }

  private wrap(
    text: string,
    font: PDFFont,
    size: number,
    width: number,
    hyphenate: boolean,
  ): string[] {
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      const broken = hyphenate ? breakWord(word, (head) => fits(`${line} ${head}`)) : undefined;
      if (broken) {
        lines.push(`${line} ${broken[0]}`);
        line = broken[1];
      } else {
        lines.push(line);
        line = word;
      }
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const header = this.options.header?.(i + 1, pages.length);
      const footer = this.options.footer?.(i + 1, pages.length);
      const font = this.fonts.regular;
      if (header) page.drawText(header, { x: MARGIN, y: A4.height - 34, size: 9, font });
      if (footer) page.drawText(footer, { x: MARGIN, y: 30, size: 9, font });
    });
    return this.doc.save();
  }
}

/** "assessment" → ["assess-", "ment"]; a compound breaks at its own hyphen ("multi-", "agency"). */
function breakWord(word: string, fits: (head: string) => boolean): [string, string] | undefined {
  const own = word.indexOf('-');
  if (own > 0 && fits(word.slice(0, own + 1))) return [word.slice(0, own + 1), word.slice(own + 1)];
  if (word.length < 8 || !/^[a-z]+[.,;]?$/i.test(word)) return undefined;
  for (let at = word.length - 3; at >= 4; at--) {
    const head = `${word.slice(0, at)}-`;
    if (fits(head)) return [head, word.slice(at)];
  }
  return undefined;
}
