import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/*
 * A response body encoded once and served many times: identity, gzip and brotli, with an
 * ETag. Pages and stylesheets change rarely and are read often, so compressing at the
 * moment they are stored (not per request) is what makes them cheap to serve.
 */
export interface EncodedBody {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

export function encodeBody(body: string | Buffer): EncodedBody {
  const identity = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
  };
}

/** Pick the smallest encoding the client accepts (q=0 means "not this one"). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Answer with an encoded body (304 to a matching If-None-Match). Goes through `c.body`
 * rather than `new Response`: Hono then merges the headers middleware set earlier without
 * turning the body into a stream, which keeps the Node adapter on its fast path.
 */
export function sendEncoded(c: Context, body: EncodedBody, headers: Record<string, string>): Response {
  const common = { ...headers, etag: body.etag, vary: 'accept-encoding' };
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag)) return c.body(null, 304, common);
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const bytes = encoding === 'identity' ? body.identity : body[encoding];
  return c.body(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
    200,
    encoding === 'identity' ? common : { ...common, 'content-encoding': encoding },
  );
}
