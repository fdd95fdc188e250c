import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/*
 * The self-hosted Noto Sans of the site, for the PDFs. Fontsource ships it in subsets
 * (latin, latin-ext, …) as WOFF, which pdfkit reads and subsets into the PDF. A name is
 * set run by run in the first subset that has its characters, so "Çelik", "Łukasz",
 * "Dvořák" and "Zoë" all print. Read once, on first use.
 */
const require = createRequire(import.meta.url);

const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic', 'vietnamese'] as const;

export interface FontFace {
  name: string;
  data: Buffer;
}

export interface FontSet {
  regular: FontFace[];
  bold: FontFace[];
}

let cached: FontSet | undefined;

export function pdfFonts(): FontSet {
  const load = (weight: 400 | 700) =>
    SUBSETS.map((s) => ({
      name: `noto-sans-${s}-${weight}`,
      data: readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${s}-${weight}-normal.woff`)),
    }));
  cached ??= { regular: load(400), bold: load(700) };
  return cached;
}
