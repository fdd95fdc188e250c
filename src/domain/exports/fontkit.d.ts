/** The little of fontkit (pdfkit's font engine) that the exports use: which characters a font has. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
