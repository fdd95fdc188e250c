import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../kernel/text';

/*
 * Organisers write texts in Markdown. It is rendered, then sanitised (anything a browser
 * could run is dropped), and each element gets its NL Design System class. Headings are
 * shifted so that a "##" in a section under an <h2> becomes an <h3>: the page keeps one
 * heading outline, which screen-reader users navigate by.
 */

const cls = (name: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => ({
  tagName,
  attribs: { ...attribs, class: name },
});

function options(headingBase: number): sanitizeHtml.IOptions {
  const heading = (level: number) => {
    const to = Math.min(6, level + headingBase - 1);
    return () => ({ tagName: `h${to}`, attribs: { class: `utrecht-heading-${to}` } });
  };
  return {
    allowedTags: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'code', 'pre'],
    allowedAttributes: { a: ['href', 'class', 'rel'], '*': ['class'] },
    allowedSchemes: ['https', 'http', 'mailto', 'tel'],
    transformTags: {
      p: cls('utrecht-paragraph'),
      a: (tagName, attribs) => ({
        tagName,
        attribs: { href: attribs.href ?? '#', class: 'utrecht-link', ...(/^https?:/.test(attribs.href ?? '') ? { rel: 'noopener' } : {}) },
      }),
      ul: cls('utrecht-unordered-list'),
      ol: cls('utrecht-ordered-list'),
      li: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'utrecht-unordered-list__item' } }),
      blockquote: cls('utrecht-blockquote'),
      hr: cls('utrecht-separator'),
      h1: heading(1),
      h2: heading(2),
      h3: heading(3),
      h4: heading(4),
      h5: heading(5),
      h6: heading(6),
    },
  };
}

// Texts change only when an organiser edits them; pages render the same ones over and over.
const cache = new Map<string, string>();
const CACHE_MAX = 2_000;

/**
 * Markdown → safe HTML. `headingBase` is the level a "#" becomes (e.g. 3 inside a section
 * whose own heading is an h2).
 */
export function renderMarkdown(source: string, headingBase = 3): string {
  const key = `${headingBase}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string;
  try {
    const raw = marked.parse(source, { async: false, gfm: true, breaks: false });
    html = sanitizeHtml(raw, options(headingBase));
  } catch {
    // Pathological input (thousands of nested quotes overflow the parser's stack): show
    // the text as it is rather than fail the page.
    html = `<p class="utrecht-paragraph">${escapeHtml(source)}</p>`;
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}

