import { Piscina } from 'piscina';
import type { PdfJob } from './pdf-job';

/*
 * PDFs are rendered in a worker thread, not on the thread that answers requests. Setting
 * text with fontkit's OpenType layout is CPU work: 1,000 name badges took about 5 s, during
 * which a server rendering them on its own thread answered nobody (no registration, no
 * check-in). One thread (piscina) for the whole process, started on the first PDF and
 * ended after a minute without work; jobs beyond it wait their turn, so a machine with two
 * cores keeps one for the requests. The result is the same bytes as rendering here.
 */

let pool: Piscina | undefined;

function threads(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./pdf-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  return pool;
}

export async function renderPdfOffThread(job: PdfJob): Promise<Buffer> {
  const bytes = (await threads().run(job)) as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** End the thread (at shutdown); a later PDF starts a new one. */
export async function closePdfThreads(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
