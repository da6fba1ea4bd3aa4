// Headers on every HTTP answer: nothing may frame the collector, sniff a type, leak a referrer or keep
// an API answer (safeguarding data) in a cache; under TLS, browsers are told to use https only.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Everything but the pages: an API answer is data, never something to run or render. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The hash of each inline block; a script loaded from a file (src=) is not inline. */
const inlineHashes = (html: string, tag: 'script' | 'style'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))]
    .map((match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);

const orNone = (sources: string[]): string => sources.join(' ') || "'none'";

/** An HTML document's own inline script and style, by hash: nothing injected into it can run. */
export const pageCsp = (html: string): string =>
  `default-src 'self'; script-src ${orNone(inlineHashes(html, 'script'))}; style-src ${orNone(inlineHashes(html, 'style'))}; `
  + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The dashboard and sign-in pages: scripts and styles only from the collector's own files (the dashboard's
 * one inline block is its import map, allowed by hash), never inline code or style attributes.
 */
export const appPageCsp = (html: string): string =>
  `default-src 'self'; script-src 'self' ${inlineHashes(html, 'script').join(' ')}`.trimEnd()
  + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The dashboard's script and style files and the libraries it loads: the browser may keep them if it checks first. */
const STATIC_PREFIXES = ['/ui/', '/vendor/'];

export const addSecurityHeaders = (app: FastifyInstance, options: { tls: boolean }): void => {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    // A page keeps same-origin: under no-referrer a browser sends "Origin: null" with the page's own form posts,
    // which the sign-in's forgery check must refuse. Nothing is sent to other sites either way.
    const page = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    reply.header('referrer-policy', page ? 'same-origin' : 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    const staticFile = reply.statusCode < 400 && STATIC_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    reply.header('cache-control', staticFile ? 'no-cache' : 'no-store');
    if (!reply.hasHeader('content-security-policy')) {
      // An HTML document (a report shown in the browser) may use its own inline style; anything else is data.
      const html = page && (typeof payload === 'string' || Buffer.isBuffer(payload));
      reply.header('content-security-policy', html ? pageCsp(String(payload)) : API_CSP);
    }
    if (options.tls) reply.header('strict-transport-security', 'max-age=31536000');
    return payload;
  });
};
