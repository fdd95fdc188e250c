import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/pdf';
import type { AttendanceList } from './columns';
import { pdfFonts } from './fonts';
import { attendancePdf, badgesPdf, BADGES_PER_PAGE } from './pdf';

/* The printable PDFs: valid files, the right number of A4 pages, and every name in them as text that can be found and copied. */

/** Page objects counted in an uncompressed file ("/Type /Pages" is the tree, not a page). */
const pageObjects = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

const names = ['Ömer Çelik', 'Ingrid Ødegaard', 'Zoë de Vries', 'Łukasz Dvořák', 'Şebnem Yılmaz', 'Nguyễn Thị Hương', 'Αλέξης Παπαδόπουλος', 'Анна Смирнова'];
const opts = { fonts: pdfFonts(), title: 'Test', compress: false };

describe('attendance lists', () => {
  const list = (heading: string, n: number): AttendanceList => ({
    heading,
    when: 'Ronde 1 · vrijdag 6 maart 2030 · 14:00–14:45 uur',
    people: Array.from({ length: n }, (_, i) => ({ name: names[i % names.length]!, organisation: i % 2 ? 'Gemeente ’s-Hertogenbosch' : null })),
  });

  it('is a valid A4 PDF with a page per workshop, the names and organisations as text', async () => {
    const pdf = await attendancePdf('Proefdag wijkaanpak', [list('ABCD in de wijk', names.length), list('Corporaties', 0)], opts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pageObjects(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const [first, second] = await pdfText(pdf);
    expect(first).toContain('Presentielijst: ABCD in de wijk');
    expect(first).toContain('Proefdag wijkaanpak');
    for (const name of names) expect(first).toContain(name);
    expect(first).toContain('Gemeente ’s-Hertogenbosch');
    expect(first).toContain('Handtekening');
    expect(second).toContain('Presentielijst: Corporaties');
    expect(second).toContain('0 deelnemers');
  });

  it('goes on over a second page for a long list, headed again', async () => {
    const pdf = await attendancePdf('Proefdag', [list('Grote zaal', 30)], opts);
    const pages = await pdfText(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Presentielijst: Grote zaal (vervolg)');
  });

  it('says so when there is no list at all', async () => {
    const pages = await pdfText(await attendancePdf('Proefdag', [], opts));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('geen deelsessies');
  });
});

describe('name badges', () => {
  it.each([
    [1, 1],
    [BADGES_PER_PAGE, 1],
    [BADGES_PER_PAGE + 1, 2],
    [20, 3],
  ])('puts %i badges on %i A4 sheets', async (n, sheets) => {
    const badges = Array.from({ length: n }, (_, i) => ({ name: `Deelnemer ${i + 1}`, organisation: 'Gemeente Utrecht' }));
    const pdf = await badgesPdf('Proefdag', badges, opts);
    expect(pageObjects(pdf)).toBe(sheets);
  });

  it('prints every name, with diacritics and other scripts, its organisation and the event', async () => {
    const pdf = await badgesPdf('Dag van de Buurt', names.map((name) => ({ name, organisation: 'Kennisinstituut' })), opts);
    const [page] = await pdfText(pdf);
    for (const name of names) expect(page).toContain(name);
    expect(page).toContain('Kennisinstituut');
    expect(page).toContain('Dag van de Buurt');
  });

  it('keeps a very long name whole, over two lines', async () => {
    const name = 'Anna-Maria Wilhelmina van den Boogaard-Ødegaard';
    const [page] = await pdfText(await badgesPdf('Proefdag', [{ name, organisation: null }], opts));
    expect(page!.replace(/\s/g, '')).toContain(name.replace(/\s/g, ''));
    expect(page).not.toContain('…');
  });

  it('is compressed by default and still a PDF', async () => {
    const pdf = await badgesPdf('Proefdag', [{ name: 'Zoë', organisation: null }], { fonts: pdfFonts(), title: 'Test' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect((await pdfText(pdf))[0]).toContain('Zoë');
  });
});
