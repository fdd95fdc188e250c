import type { AttendanceList } from './columns';
import { pdfFonts } from './fonts';
import { attendancePdf, badgesPdf, type Badge } from './pdf';

/*
 * One PDF to render, as plain data that crosses to a worker thread (pdf-threads.ts) and
 * back. The fonts are read in the thread that renders, once per thread.
 */

export type PdfJob =
  | { kind: 'attendance'; eventTitle: string; lists: AttendanceList[]; title: string; compress?: boolean | undefined }
  | { kind: 'badges'; eventTitle: string; badges: Badge[]; title: string; compress?: boolean | undefined };

export async function renderPdf(job: PdfJob): Promise<Uint8Array> {
  const opts = { fonts: pdfFonts(), title: job.title, ...(job.compress !== undefined ? { compress: job.compress } : {}) };
  const pdf = job.kind === 'badges' ? await badgesPdf(job.eventTitle, job.badges, opts) : await attendancePdf(job.eventTitle, job.lists, opts);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
