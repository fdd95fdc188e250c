import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { AttendanceList } from './columns';
import type { FontFace, FontSet } from './fonts';

/*
 * Printable PDFs with pdfkit, A4: attendance lists (one per workshop per round, with a
 * box to sign) and name badges (2 × 4 to a sheet). In memory, no I/O: fonts come in as
 * bytes (fonts.ts). Text is set run by run in the first font that has its characters.
 */

const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;

export interface PdfOptions {
  fonts: FontSet;
  /** Tests set false to read the content streams; compressed in production. */
  compress?: boolean;
  title: string;
}

/**
 * Keep precomposed letters whole ("ị", not "i" and a loose dot): with the font's ccmp
 * feature on, the mark becomes a glyph of its own that maps back to no character, and a
 * copied or searched name breaks. Text is NFC-normalised first, so the glyphs exist.
 */
const PRECOMPOSED = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

interface Run {
  font: string;
  text: string;
}

/** Fonts parsed once per process: which characters each subset has. */
const parsedFonts = new WeakMap<Buffer, fontkit.Font>();
function parsed(data: Buffer): fontkit.Font {
  let font = parsedFonts.get(data);
  if (!font) parsedFonts.set(data, (font = fontkit.create(data)));
  return font;
}

class Typesetter {
  private readonly coverage = new Map<string, fontkit.Font>();
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: FontSet,
  ) {
    for (const f of [...fonts.regular, ...fonts.bold]) {
      doc.registerFont(f.name, f.data);
      this.coverage.set(f.name, parsed(f.data));
    }
  }

  runs(text: string, bold = false): Run[] {
    const faces: FontFace[] = bold ? this.fonts.bold : this.fonts.regular;
    const runs: Run[] = [];
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      // Always the first subset that has it: spaces and digits come from latin, whose
      // glyphs map back to the right characters when the text is copied or searched.
      const face = faces.find((f) => this.coverage.get(f.name)!.hasGlyphForCodePoint(cp)) ?? faces[0]!;
      const last = runs.at(-1);
      if (last && last.font === face.name) last.text += ch;
      else runs.push({ font: face.name, text: ch });
    }
    return runs;
  }

  /**
   * A run's width at 1 pt, kept: laying text out (fontkit's OpenType shaping) is most of a
   * PDF's cost, and a badge measures its name at up to nine sizes, and the event's title on
   * every badge. A width grows in proportion to the size, so one layout serves them all.
   */
  private readonly unitWidths = new Map<string, number>();
  private runWidth(r: Run, size: number): number {
    const key = `${r.font}\u0000${r.text}`;
    let unit = this.unitWidths.get(key);
    if (unit === undefined) {
      unit = this.doc.font(r.font).fontSize(1).widthOfString(r.text, { features: PRECOMPOSED });
      this.unitWidths.set(key, unit);
    }
    return unit * size;
  }

  width(text: string, size: number, bold = false): number {
    return this.runs(text, bold).reduce((w, r) => w + this.runWidth(r, size), 0);
  }

  /** One line at (x, y), never wrapped. */
  line(text: string, x: number, y: number, size: number, opts: { bold?: boolean; color?: string } = {}): void {
    let cx = x;
    this.doc.fillColor(opts.color ?? '#000000');
    for (const r of this.runs(text, opts.bold)) {
      this.doc.font(r.font).fontSize(size).text(r.text, cx, y, { lineBreak: false, features: PRECOMPOSED });
      cx += this.runWidth(r, size);
    }
  }

  /** The text cut with "…" to fit the width. */
  fit(text: string, maxWidth: number, size: number, bold = false): string {
    if (this.width(text, size, bold) <= maxWidth) return text;
    const chars = [...text];
    while (chars.length > 1 && this.width(`${chars.join('').trimEnd()}…`, size, bold) > maxWidth) chars.pop();
    return `${chars.join('').trimEnd()}…`;
  }

  centred(text: string, x: number, width: number, y: number, size: number, opts: { bold?: boolean; color?: string } = {}): void {
    const t = this.fit(text, width, size, opts.bold);
    this.line(t, x + (width - this.width(t, size, opts.bold)) / 2, y, size, opts);
  }
}

function render(opts: PdfOptions, draw: (t: Typesetter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    compress: opts.compress ?? true,
    info: { Title: opts.title, Creator: 'bijeen', Producer: 'bijeen' },
    lang: 'nl-NL',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(new Typesetter(doc, opts.fonts));
  doc.end();
  return done;
}

/** Blank rows at the end of every list, for people who turn up unannounced. */
const SPARE_ROWS = 3;

/**
 * Attendance lists (presentielijsten): each starts on a page of its own, with the event,
 * the workshop and its round; per person a number, name, organisation and a box to sign.
 */
export function attendancePdf(eventTitle: string, lists: readonly AttendanceList[], opts: PdfOptions): Promise<Buffer> {
  return render(opts, (t) => {
    const doc = t.doc;
    const margin = 18 * MM;
    const width = A4.width - 2 * margin;
    const rowHeight = 30;
    const cols = { nr: 24, name: width * 0.36, org: width * 0.32 };
    const sign = width - cols.nr - cols.name - cols.org;

    const header = (list: AttendanceList, continued: boolean) => {
      doc.addPage();
      t.line(t.fit(eventTitle, width, 10), margin, margin, 10, { color: '#444444' });
      t.line(t.fit(`Presentielijst: ${list.heading}${continued ? ' (vervolg)' : ''}`, width, 16, true), margin, margin + 16, 16, { bold: true });
      t.line(t.fit(list.when, width, 10), margin, margin + 40, 10);
      t.line(`${list.people.length} ${list.people.length === 1 ? 'deelnemer' : 'deelnemers'}`, margin, margin + 54, 10, { color: '#444444' });
      const y = margin + 78;
      t.line('Nr.', margin, y, 9, { bold: true });
      t.line('Naam', margin + cols.nr, y, 9, { bold: true });
      t.line('Organisatie', margin + cols.nr + cols.name, y, 9, { bold: true });
      t.line('Handtekening', margin + cols.nr + cols.name + cols.org, y, 9, { bold: true });
      doc.moveTo(margin, y + 14).lineTo(margin + width, y + 14).lineWidth(0.8).strokeColor('#000000').stroke();
      return y + 18;
    };

    for (const list of lists) {
      let y = header(list, false);
      const rows = [...list.people, ...Array.from({ length: SPARE_ROWS }, () => null)];
      rows.forEach((p, i) => {
        if (y + rowHeight > A4.height - margin) y = header(list, true);
        const text = y + (rowHeight - 10) / 2;
        t.line(String(i + 1), margin, text, 10);
        if (p) {
          t.line(t.fit(p.name, cols.name - 8, 10), margin + cols.nr, text, 10);
          t.line(t.fit(p.organisation ?? '', cols.org - 8, 10), margin + cols.nr + cols.name, text, 10);
        }
        doc
          .rect(margin + cols.nr + cols.name + cols.org, y + 3, sign, rowHeight - 6)
          .lineWidth(0.5)
          .strokeColor('#777777')
          .stroke();
        y += rowHeight;
      });
    }
    if (lists.length === 0) {
      doc.addPage();
      t.line(t.fit(eventTitle, width, 10), margin, margin, 10, { color: '#444444' });
      t.line('Presentielijst: geen deelsessies gevonden', margin, margin + 16, 16, { bold: true });
    }
  });
}

export interface Badge {
  name: string;
  organisation: string | null;
}

/** Badges to a sheet: 2 across, 4 down, each 95 × 69 mm inside a 10 mm margin. */
export const BADGES_PER_PAGE = 8;

/**
 * Name badges (naambadges): the name large (smaller, or over two lines, when long), the
 * organisation below, the event's title small at the foot; thin lines to cut along.
 */
export function badgesPdf(eventTitle: string, badges: readonly Badge[], opts: PdfOptions): Promise<Buffer> {
  return render(opts, (t) => {
    const doc = t.doc;
    const marginX = 10 * MM;
    const marginY = 10 * MM;
    const w = (A4.width - 2 * marginX) / 2;
    const h = (A4.height - 2 * marginY) / 4;
    const pad = 8 * MM;
    const inner = w - 2 * pad;

    if (badges.length === 0) {
      doc.addPage();
      t.line('Geen deelnemers om een badge voor te maken.', marginX, marginY, 12);
      return;
    }
    badges.forEach((b, i) => {
      const slot = i % BADGES_PER_PAGE;
      if (slot === 0) doc.addPage();
      const x = marginX + (slot % 2) * w;
      const y = marginY + Math.floor(slot / 2) * h;
      doc.rect(x, y, w, h).lineWidth(0.3).dash(3, { space: 3 }).strokeColor('#999999').stroke().undash();

      // The name: one line from 24 pt down to 16 pt, else two lines, else cut.
      let nameLines = [b.name];
      let size = 24;
      while (size > 16 && t.width(b.name, size, true) > inner) size -= 1;
      if (t.width(b.name, size, true) > inner) {
        const words = b.name.split(' ');
        let best = [b.name, ''];
        for (let k = 1; k < words.length; k++) {
          const pair = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
          if (Math.max(...pair.map((p) => t.width(p, 18, true))) < Math.max(...best.map((p) => t.width(p, 18, true)))) best = pair;
        }
        nameLines = best.filter((l) => l !== '');
        size = 18;
        while (size > 12 && Math.max(...nameLines.map((l) => t.width(l, size, true))) > inner) size -= 1;
      }
      const centre = y + h * 0.42;
      const lineHeight = size * 1.25;
      let ny = centre - (nameLines.length * lineHeight) / 2;
      for (const l of nameLines) {
        t.centred(l, x + pad, inner, ny, size, { bold: true });
        ny += lineHeight;
      }
      if (b.organisation) t.centred(b.organisation, x + pad, inner, ny + 6, 12, { color: '#333333' });
      t.centred(eventTitle, x + pad, inner, y + h - pad - 8, 8, { color: '#555555' });
    });
  });
}
