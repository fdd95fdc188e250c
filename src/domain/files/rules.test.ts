import { describe, expect, it } from 'vitest';
import { jpegBytes, pdfBytes, pngBytes, pngOfSize, svgBytes, textBytes, webpBytes } from '../../../test/files';
import { checkUpload, cleanFilename, contentDisposition, humanSize, MB, pixelSize, sniffType } from './rules';

const pdf = await pdfBytes();

describe('sniffType', () => {
  it.each([
    ['a PNG', pngBytes(), 'image/png'],
    ['a JPEG', jpegBytes(), 'image/jpeg'],
    ['a WebP', webpBytes(), 'image/webp'],
    ['a PDF made by pdfkit', pdf, 'application/pdf'],
    ['an SVG', svgBytes(), null],
    ['plain text', textBytes(), null],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), null],
    ['HTML', new TextEncoder().encode('<!doctype html><script>alert(1)</script>'), null],
    ['a RIFF that is a WAV, not a WebP', new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVEfmt '), null],
    ['nothing', new Uint8Array(), null],
    ['two bytes of a JPEG', new Uint8Array([0xff, 0xd8]), null],
  ])('%s → %s', (_what, bytes, type) => {
    expect(sniffType(bytes)).toBe(type);
  });
});

describe('checkUpload', () => {
  it.each([
    ['a PNG photo', 'speaker_photo', pngBytes(400, 300), 'jan.png', { ok: true, contentType: 'image/png', width: 400, height: 300, filename: 'jan.png' }],
    ['a JPEG photo named .png gets .jpg', 'speaker_photo', jpegBytes(640, 480), 'jan.png', { ok: true, contentType: 'image/jpeg', width: 640, height: 480, filename: 'jan.jpg' }],
    ['a WebP photo', 'speaker_photo', webpBytes(30, 20), 'foto.webp', { ok: true, contentType: 'image/webp', width: 30, height: 20 }],
    ['a PDF attachment', 'report_attachment', pdf, 'Presentatie Jan.pdf', { ok: true, contentType: 'application/pdf', filename: 'Presentatie-Jan.pdf' }],
    ['a text file named foto.png', 'speaker_photo', textBytes(), 'foto.png', { ok: false, status: 415 }],
    ['an SVG (it can carry script)', 'speaker_photo', svgBytes(), 'logo.svg', { ok: false, status: 415 }],
    ['a PDF as a photo', 'speaker_photo', pdf, 'foto.jpg', { ok: false, status: 415 }],
    ['a photo as an attachment', 'report_attachment', pngBytes(), 'slides.pdf', { ok: false, status: 415 }],
    ['an empty file', 'report_attachment', new Uint8Array(), 'leeg.pdf', { ok: false, status: 400 }],
    ['a photo over 2 MB', 'speaker_photo', pngOfSize(2 * MB + 1), 'groot.png', { ok: false, status: 413 }],
    ['a photo of exactly 2 MB', 'speaker_photo', pngOfSize(2 * MB), 'precies.png', { ok: true }],
    ['a PDF over 20 MB', 'report_attachment', (() => { const b = new Uint8Array(20 * MB + 1); b.set(pdf); return b; })(), 'groot.pdf', { ok: false, status: 413 }],
    ['a photo of 100000 × 10 pixels', 'speaker_photo', pngBytes(100_000, 10), 'breed.png', { ok: false, status: 400 }],
    ['a photo of 7000 × 7000 pixels (49 megapixels)', 'speaker_photo', pngBytes(7000, 7000), 'veel.png', { ok: false, status: 400 }],
    ['a PNG signature without a header', 'speaker_photo', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'kapot.png', { ok: false, status: 400 }],
  ] as const)('%s', (_what, purpose, bytes, name, expected) => {
    expect(checkUpload(purpose, bytes, name)).toMatchObject(expected);
  });

  it('says in Dutch what is wrong and what is allowed', () => {
    const big = checkUpload('speaker_photo', pngOfSize(3 * MB), 'groot.png');
    expect(big).toMatchObject({ ok: false, message: 'Het bestand is 3 MB; dat is te groot. Het mag hoogstens 2 MB zijn.' });
    const svg = checkUpload('speaker_photo', svgBytes(), 'logo.svg');
    expect(svg).toMatchObject({ ok: false, message: 'Dit bestand is geen foto als JPEG, PNG of WebP. Kies een foto als JPEG, PNG of WebP.' });
    expect(checkUpload('report_attachment', textBytes(), 'x.pdf')).toMatchObject({ message: 'Dit bestand is geen PDF-bestand. Kies een PDF-bestand.' });
  });
});

describe('pixelSize', () => {
  it('reads the pixel size of a JPEG, PNG and WebP, and gives null for what is not an image', () => {
    expect(pixelSize(jpegBytes(120, 80))).toEqual({ width: 120, height: 80 });
    expect(pixelSize(pngBytes(5, 7))).toEqual({ width: 5, height: 7 });
    expect(pixelSize(webpBytes(300, 200))).toEqual({ width: 300, height: 200 });
    expect(pixelSize(textBytes())).toBeNull();
  });
});

describe('cleanFilename', () => {
  it.each([
    ['Presentatie Jan Jansen.pdf', 'application/pdf', 'Presentatie-Jan-Jansen.pdf'],
    ['C:\\Users\\jan\\foto.PNG', 'image/png', 'foto.png'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['"quote";\r\nX-Kop: ja.pdf', 'application/pdf', 'quoteX-Kop-ja.pdf'],
    ['Één café.jpeg', 'image/jpeg', 'Één-café.jpg'],
    ['.pdf', 'application/pdf', 'bestand.pdf'],
    ['', 'image/webp', 'bestand.webp'],
    ['a'.repeat(300) + '.pdf', 'application/pdf', 'a'.repeat(90) + '.pdf'],
  ] as const)('%j → %s', (name, type, clean) => {
    expect(cleanFilename(name, type)).toBe(clean);
  });
});

describe('contentDisposition', () => {
  it.each([
    ['slides.pdf', `inline; filename="slides.pdf"; filename*=UTF-8''slides.pdf`],
    ['Één-café.jpg', `inline; filename="Een-cafe.jpg"; filename*=UTF-8''%C3%89%C3%A9n-caf%C3%A9.jpg`],
    ["it's(1).pdf", `inline; filename="it's(1).pdf"; filename*=UTF-8''it%27s%281%29.pdf`],
  ])('%s', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});

describe('humanSize', () => {
  it.each([
    [1, '1 byte'],
    [512, '512 bytes'],
    [2048, '2 kB'],
    [350 * 1024, '350 kB'],
    [Math.round(1.2 * MB), '1,2 MB'],
    [2 * MB, '2 MB'],
    [20 * MB, '20 MB'],
  ])('%i bytes → %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
});
