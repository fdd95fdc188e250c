/** Slugs: lower-case ASCII words joined by hyphens, as used in URLs and keys. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * Dutch postcodes: four digits (not starting with 0), two letters; SA, SD and SS are not
 * issued. Returns the canonical "2526 BN" form, or null when it is not a postcode.
 */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9][0-9]{3})\s?([a-zA-Z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${m[1]} ${letters}`;
}

/** A NUL character or a lone UTF-16 surrogate: text PostgreSQL cannot store. */
export function hasUnstorableText(s: string): boolean {
  return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** Text made safe to put in HTML, as element content or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
