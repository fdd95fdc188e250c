import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Text per page, as a PDF reader extracts it (through the fonts' ToUnicode maps), with
 * runs of white space as one space.
 */
export async function pdfText(buffer: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}
