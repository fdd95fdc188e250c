import QRCode from 'qrcode';

/*
 * A QR code as an inline SVG, built synchronously from the `qrcode` package's matrix: one
 * path of black squares on white with a quiet zone of four modules, so any phone camera
 * or hand scanner reads it. For a check-in code (uppercase letters and digits) this is the
 * small alphanumeric mode.
 */
export function qrSvg(text: string, opts: { label: string; className?: string }): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  let d = '';
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  const full = size + 2 * quiet;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${esc(opts.label)}"` +
    `${opts.className ? ` class="${esc(opts.className)}"` : ''} shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
