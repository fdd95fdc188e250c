import { marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../kernel/text';

/*
 * An organiser's Markdown (a message to participants) as it goes into a mail: pure, no
 * I/O. The HTML is sanitised like the site's (web/components/markdown.ts: anything a
 * mail program could run is dropped, links only to web, mail and phone addresses) and
 * gets inline styles instead of classes, as the mail templates do; a "#" becomes an h2,
 * under the mail's own h1 (the subject). The text part is written from the same tokens,
 * so the two say the same.
 */

const LINK = 'color:#0b57d0;text-decoration:underline;';
/** Our style only: an organiser's own attributes are dropped. */
const styled = (style: string) => (tagName: string) => ({ tagName, attribs: { style } });
const bare = (tagName: string) => ({ tagName, attribs: {} });
const heading = (level: number) => () => {
  const to = Math.min(6, level + 1);
  return { tagName: `h${to}`, attribs: { style: `font-size:${to === 2 ? 20 : 18}px;line-height:1.3;margin:24px 0 8px;` } };
};

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'code', 'pre', 'del'],
  allowedAttributes: { a: ['href', 'style'], '*': ['style'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  // Only the styles written here: every allowed tag is transformed, dropping what was typed.
  transformTags: {
    strong: bare,
    em: bare,
    del: bare,
    br: bare,
    p: styled('margin:0 0 16px;'),
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '#', style: LINK } }),
    ul: styled('margin:0 0 16px;padding-left:24px;'),
    ol: styled('margin:0 0 16px;padding-left:24px;'),
    li: styled('margin:0 0 8px;'),
    blockquote: styled('margin:0 0 16px;padding-left:16px;border-left:4px solid #cccccc;'),
    hr: styled('border:0;border-top:1px solid #cccccc;margin:24px 0;'),
    pre: styled('white-space:pre-wrap;font-family:Consolas,Menlo,monospace;'),
    code: styled('font-family:Consolas,Menlo,monospace;'),
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
  },
};


/** Named and numeric character references, as marked writes them into token text. */
function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[n]!);
}

const plainOf = (html: string) => decode(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }));

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t): string => {
      switch (t.type) {
        case 'strong':
        case 'em':
        case 'del':
          return inline((t as Tokens.Strong).tokens);
        case 'codespan':
          return decode((t as Tokens.Codespan).text);
        case 'br':
          return '\n';
        case 'link': {
          const l = t as Tokens.Link;
          const label = inline(l.tokens);
          const href = l.href.replace(/^mailto:/, '');
          return label === href ? href : `${label} (${href})`;
        }
        case 'image':
          return (t as Tokens.Image).text;
        case 'html':
          return plainOf((t as Tokens.HTML).text);
        case 'text': {
          const x = t as Tokens.Text;
          return x.tokens ? inline(x.tokens) : decode(x.text);
        }
        default:
          return 'text' in t && typeof t.text === 'string' ? decode(t.text) : '';
      }
    })
    .join('');
}

function blocks(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'paragraph':
        out.push(inline((t as Tokens.Paragraph).tokens).trim());
        break;
      case 'heading': {
        const text = inline((t as Tokens.Heading).tokens);
        out.push(`${text}\n${'-'.repeat(Math.min(text.length, 72))}`);
        break;
      }
      case 'list': {
        const l = t as Tokens.List;
        const start = typeof l.start === 'number' ? l.start : 1;
        out.push(
          l.items
            .map((item, i) => {
              const mark = l.ordered ? `${start + i}. ` : '- ';
              const body = blocks(item.tokens).join('\n');
              return mark + body.split('\n').join(`\n${' '.repeat(mark.length)}`);
            })
            .join('\n'),
        );
        break;
      }
      case 'blockquote':
        out.push(
          blocks((t as Tokens.Blockquote).tokens)
            .join('\n\n')
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
        );
        break;
      case 'code':
        out.push((t as Tokens.Code).text);
        break;
      case 'hr':
        out.push('----');
        break;
      case 'html':
        out.push(plainOf((t as Tokens.HTML).text).trim());
        break;
      case 'text': {
        const x = t as Tokens.Text;
        out.push(x.tokens ? inline(x.tokens) : decode(x.text));
        break;
      }
      default:
        if ('text' in t && typeof t.text === 'string') out.push(decode(t.text));
    }
  }
  return out.filter((s) => s !== '');
}

// A message renders the same text once per recipient: remember the last few.
const cache = new Map<string, { text: string; html: string }>();

/** An organiser's Markdown → the mail's text and safe HTML. Pure (a cache of results aside). */
export function messageBody(source: string): { text: string; html: string } {
  const hit = cache.get(source);
  if (hit) return hit;
  const out = renderBody(source);
  if (cache.size >= 20) cache.delete(cache.keys().next().value!);
  cache.set(source, out);
  return out;
}

function renderBody(source: string): { text: string; html: string } {
  try {
    const tokens = marked.lexer(source, { gfm: true, breaks: false });
    const raw = marked.parser(tokens, { gfm: true, breaks: false });
    const html = sanitizeHtml(raw, OPTIONS);
    return { text: blocks(tokens).join('\n\n'), html };
  } catch {
    // Pathological input (thousands of nested quotes): the text as it is.
    return { text: source, html: `<p style="margin:0 0 16px;white-space:pre-wrap;">${escapeHtml(source)}</p>` };
  }
}
