// The entry of the PDF worker thread (pdf-threads.ts). Worker threads on Node 20 do not
// inherit tsx's loader, nor vitest's: register tsx here, then load the TypeScript job.
import { register } from 'tsx/esm/api';

register();
const { renderPdf } = await import('./pdf-job.ts');

export default renderPdf;
