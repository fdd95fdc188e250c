import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { encodeBody, sendEncoded, type EncodedBody } from './encoded';

/*
 * Self-hosted assets: the NL Design System CSS, the theme, the Noto fonts and our own
 * stylesheet, read once at start-up and served with a content hash in the URL, so they
 * can be cached for a year and no page ever asks another host for anything.
 */
const require = createRequire(import.meta.url);
const pkg = (spec: string) => require.resolve(spec);
const own = (name: string) => fileURLToPath(new URL(`./assets/${name}`, import.meta.url));

interface Asset {
  body: EncodedBody;
  type: string;
  hash: string;
}

const fontFiles = ['noto-sans-latin-400-normal', 'noto-sans-latin-700-normal', 'noto-sans-latin-400-italic', 'noto-serif-latin-700-normal'];

function fontFace(file: string): string {
  const [, family, , weight, style] = /^noto-(sans|serif)-(latin)-(\d+)-(normal|italic)$/.exec(file)!;
  const name = family === 'sans' ? 'Noto Sans' : 'Noto Serif';
  return `@font-face{font-family:'${name}';font-style:${style};font-weight:${weight};font-display:swap;src:url(/assets/fonts/${file}.woff2) format('woff2')}`;
}

function load(): Map<string, Asset> {
  const files: [string, string, Buffer][] = [
    ['utrecht.css', 'text/css; charset=utf-8', readFileSync(pkg('@utrecht/component-library-css/dist/index.css'))],
    [
      'theme.css',
      'text/css; charset=utf-8',
      readFileSync(pkg('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css')),
    ],
    ['fonts.css', 'text/css; charset=utf-8', Buffer.from(fontFiles.map(fontFace).join('\n'))],
    ['bijeen.css', 'text/css; charset=utf-8', readFileSync(own('bijeen.css'))],
  ];
  const map = new Map<string, Asset>();
  for (const [name, type, body] of files) map.set(name, { body: encodeBody(body), type, hash: hashOf(body) });
  for (const f of fontFiles) {
    const family = f.startsWith('noto-sans') ? 'noto-sans' : 'noto-serif';
    const body = readFileSync(pkg(`@fontsource/${family}/files/${f}.woff2`));
    // woff2 is compressed already: serve it as it is.
    map.set(`fonts/${f}.woff2`, { body: { identity: body, gzip: body, br: body, etag: `"${hashOf(body)}"` }, type: 'font/woff2', hash: hashOf(body) });
  }
  return map;
}

function hashOf(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex').slice(0, 12);
}

const assets = load();

/** The URL of a stylesheet with its content hash, for `<link rel=stylesheet>`. */
export function assetUrl(name: string): string {
  const a = assets.get(name);
  if (!a) throw new Error(`Unknown asset ${name}`);
  return `/assets/${name}?v=${a.hash}`;
}

export const stylesheets = ['fonts.css', 'utrecht.css', 'theme.css', 'bijeen.css'].map(assetUrl);

export const assetRoutes = new Hono().get('/assets/*', (c) => {
  const name = c.req.path.slice('/assets/'.length);
  const a = assets.get(name);
  if (!a) return c.notFound();
  if (a.type === 'font/woff2')
    return c.body(new Uint8Array(a.body.identity), 200, {
      'content-type': a.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: a.body.etag,
    });
  return sendEncoded(c, a.body, { 'content-type': a.type, 'cache-control': 'public, max-age=31536000, immutable' },
  );
});
