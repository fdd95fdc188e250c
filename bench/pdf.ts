/*
 * npm run bench:pdf — what rendering name badges for a large event does to the server's
 * own thread. 1,000 badges (BENCH_BADGES) are rendered twice in the same run: on the main
 * thread, as bijeen did before (the baseline), and through the PDF worker thread
 * (renderPdfOffThread), as exportBadges does now. Meanwhile a 10 ms timer stands for the
 * requests the thread should keep answering; the longest it was held up is the number.
 *
 * Prints `pdf: main thread held up <ms> ms → <ms> ms off-thread (<ratio> of baseline); render <s> s → <s> s`.
 * Goal: the held-up time at most 0.05 of the baseline.
 */
import { pdfFonts } from '../src/domain/exports/fonts';
import { badgesPdf } from '../src/domain/exports/pdf';
import { closePdfThreads, renderPdfOffThread } from '../src/domain/exports/pdf-threads';

const N = Number(process.env.BENCH_BADGES ?? 1000);
const badges = Array.from({ length: N }, (_, i) => ({ name: `Fictieve Deelnemer ${i} van den Broek-Çelik`, organisation: `Gemeente Voorbeeldstad ${i % 40}` }));

async function measure(render: () => Promise<Buffer>) {
  // A timer that should fire every 10 ms, standing in for the requests the thread should
  // keep answering: the longest gap between its firings is how long they would have waited.
  let last = performance.now();
  let heldUpMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    heldUpMs = Math.max(heldUpMs, now - last);
    last = now;
  }, 10);
  const start = performance.now();
  const pdf = await render();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(tick);
  heldUpMs = Math.max(heldUpMs, performance.now() - last);
  return { heldUpMs, seconds, bytes: pdf.length };
}

const opts = { fonts: pdfFonts(), title: 'Naambadges Dag van de Buurt' };
// Warm both paths once (font parsing, the thread's start), so neither pays it in the run.
await badgesPdf('Dag van de Buurt', badges.slice(0, 8), opts);
await renderPdfOffThread({ kind: 'badges', eventTitle: 'Dag van de Buurt', badges: badges.slice(0, 8), title: opts.title });

const main = await measure(() => badgesPdf('Dag van de Buurt', badges, opts));
const off = await measure(() => renderPdfOffThread({ kind: 'badges', eventTitle: 'Dag van de Buurt', badges, title: opts.title }));
await closePdfThreads();

console.log(`baseline (main thread): ${main.bytes} bytes in ${main.seconds.toFixed(2)} s, thread held up ${main.heldUpMs.toFixed(0)} ms`);
console.log(`worker thread:          ${off.bytes} bytes in ${off.seconds.toFixed(2)} s, thread held up ${off.heldUpMs.toFixed(0)} ms`);
console.log(
  `pdf: main thread held up ${main.heldUpMs.toFixed(0)} ms → ${off.heldUpMs.toFixed(0)} ms off-thread (${(off.heldUpMs / main.heldUpMs).toFixed(3)} of baseline); render ${main.seconds.toFixed(2)} s → ${off.seconds.toFixed(2)} s`,
);
