import { imageSize } from 'image-size';
import type { FilePurpose } from './table';

/**
 * What an event keeps of the files it shows (`events.file_links`, jsonb): checked on every
 * save, with what a page needs to show them, so reading an event costs no query more.
 */
export interface FileLinks {
  speakerPhotos: { speaker: string; fileId: string; filename: string; contentType: string; sizeBytes: number; width?: number; height?: number }[];
  reportAttachments: { title: string; fileId: string; filename: string; contentType: string; sizeBytes: number }[];
}

/*
 * Uploaded files (bestanden), pure: what a file is, decided from its first bytes (magic
 * numbers), never from its name or the browser's claim; whether it may be stored for a
 * purpose; its pixel size; a clean name for Content-Disposition; a size as people read it.
 *
 * Four formats are accepted, so a table of signatures (below, with tests) says all there
 * is to say; a sniffing library would bring hundreds of formats we refuse anyway. SVG is
 * refused on purpose: it is XML that can carry script. The pixel size comes from
 * `image-size`, which reads the headers of JPEG, PNG and WebP (and nothing from disk).
 */

export type FileType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

interface Signature {
  type: FileType;
  /** Bytes at an offset; null matches any byte. */
  parts: { at: number; bytes: (number | null)[] }[];
}

const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

export const SIGNATURES: Signature[] = [
  { type: 'image/jpeg', parts: [{ at: 0, bytes: [0xff, 0xd8, 0xff] }] },
  { type: 'image/png', parts: [{ at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  // RIFF <size> WEBP
  { type: 'image/webp', parts: [{ at: 0, bytes: ascii('RIFF') }, { at: 8, bytes: ascii('WEBP') }] },
  { type: 'application/pdf', parts: [{ at: 0, bytes: ascii('%PDF-') }] },
];

/** The type of a file from its content, or null for anything we do not accept. */
export function sniffType(bytes: Uint8Array): FileType | null {
  for (const sig of SIGNATURES) {
    const ok = sig.parts.every(({ at, bytes: want }) => bytes.length >= at + want.length && want.every((b, i) => b === null || bytes[at + i] === b));
    if (ok) return sig.type;
  }
  return null;
}

export interface PurposeRule {
  types: FileType[];
  maxBytes: number;
  /** How the accepted types are named in messages. */
  typesLabel: string;
}

export const MB = 1024 * 1024;

export const PURPOSE_RULES: Record<FilePurpose, PurposeRule> = {
  speaker_photo: { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 2 * MB, typesLabel: 'een foto als JPEG, PNG of WebP' },
  report_attachment: { types: ['application/pdf'], maxBytes: 20 * MB, typesLabel: 'een PDF-bestand' },
};

/** Larger is not a photo but a trick (a "decompression bomb") or a mistake. */
export const MAX_PIXELS_PER_SIDE = 8000;
export const MAX_PIXELS = 40_000_000;

export interface AcceptedFile {
  ok: true;
  contentType: FileType;
  filename: string;
  sizeBytes: number;
  width?: number;
  height?: number;
}

export interface RefusedFile {
  ok: false;
  /** 413 too large, 415 a type we do not take, 400 empty or unreadable. */
  status: 400 | 413 | 415;
  message: string;
}

/** Whether this upload may be stored for this purpose, decided from its bytes. */
export function checkUpload(purpose: FilePurpose, bytes: Uint8Array, name: string): AcceptedFile | RefusedFile {
  const rule = PURPOSE_RULES[purpose];
  if (bytes.length === 0) return { ok: false, status: 400, message: 'Het bestand is leeg. Kies een ander bestand.' };
  if (bytes.length > rule.maxBytes)
    return { ok: false, status: 413, message: `Het bestand is ${humanSize(bytes.length)}; dat is te groot. Het mag hoogstens ${humanSize(rule.maxBytes)} zijn.` };
  const type = sniffType(bytes);
  if (!type || !rule.types.includes(type))
    return { ok: false, status: 415, message: `Dit bestand is geen ${rule.typesLabel.replace(/^een /, '')}. Kies ${rule.typesLabel}.` };
  const accepted: AcceptedFile = { ok: true, contentType: type, filename: cleanFilename(name, type), sizeBytes: bytes.length };
  if (type.startsWith('image/')) {
    const size = pixelSize(bytes);
    if (!size) return { ok: false, status: 400, message: 'Deze foto kan niet worden gelezen. Kies een andere foto.' };
    if (size.width > MAX_PIXELS_PER_SIDE || size.height > MAX_PIXELS_PER_SIDE || size.width * size.height > MAX_PIXELS)
      return { ok: false, status: 400, message: `Deze foto is ${size.width} × ${size.height} pixels; dat is te groot. Hoogstens ${MAX_PIXELS_PER_SIDE} pixels breed en hoog.` };
    accepted.width = size.width;
    accepted.height = size.height;
  }
  return accepted;
}

/** Width and height of a JPEG, PNG or WebP (rotated as shown, for an EXIF-turned JPEG); null if unreadable. */
export function pixelSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const r = imageSize(bytes);
    if (!r.width || !r.height) return null;
    // EXIF orientations 5–8 turn the picture a quarter: the page shows it the other way round.
    const turned = r.orientation !== undefined && r.orientation >= 5;
    return turned ? { width: r.height, height: r.width } : { width: r.width, height: r.height };
  } catch {
    return null;
  }
}

const EXTENSIONS: Record<FileType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/**
 * The uploaded name, safe in a URL path and a header: no directories, no control or
 * special characters, at most 100 characters, ending in the extension of what the file
 * really is ("foto.png" that is a JPEG becomes "foto.jpg").
 */
export function cleanFilename(name: string, type: FileType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[\u0000-\u001f\u007f"%*:<>?|\\/;#&+=`'{}[\]^~]/g, '')
    .replace(/\s+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 90);
  return `${base || 'bestand'}.${EXTENSIONS[type]}`;
}

/** `Content-Disposition: inline; filename*=UTF-8''…` (RFC 6266 / 8187), with an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const fallback = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'bestand';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "1,2 MB", "350 kB", "12 bytes" — decimal comma, as the Dutch read it. */
export function humanSize(bytes: number): string {
  const nl = (n: number, digits: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) return `${nl(Math.round(bytes / 1024), 0)} kB`;
  return `${nl(Math.round((bytes / MB) * 10) / 10, 1)} MB`;
}

/** What a file is called next to its link: "PDF", "JPEG". */
export function typeLabel(type: string): string {
  return ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' } as Record<string, string>)[type] ?? 'bestand';
}

/** The public address of a stored file. */
export const fileUrl = (id: string, filename: string) => `/bestanden/${id}/${encodeURIComponent(filename)}`;
