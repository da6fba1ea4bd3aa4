// Headers on every HTTP answer: nothing may frame the collector, sniff a type, leak a referrer or keep
// an API answer (safeguarding data) in a cache; under TLS, browsers are told to use https only.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Everything but the dashboard page: an API answer is data, never something to run or render. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const inlineHashes = (html: string, tag: 'script' | 'style'): string =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))]
    .map((match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`).join(' ') || "'none'";

/** An HTML page's own inline script and style, by hash: nothing injected into it can run. */
export const pageCsp = (html: string): string =>
  `default-src 'self'; script-src ${inlineHashes(html, 'script')}; style-src ${inlineHashes(html, 'style')}; `
  + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const addSecurityHeaders = (app: FastifyInstance, options: { tls: boolean }): void => {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    // A page keeps same-origin: under no-referrer a browser sends "Origin: null" with the page's own form posts,
    // which the sign-in's forgery check must refuse. Nothing is sent to other sites either way.
    const page = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    reply.header('referrer-policy', page ? 'same-origin' : 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('cache-control', 'no-store');
    if (!reply.hasHeader('content-security-policy')) {
      // An HTML document (a report shown in the browser) may use its own inline style; anything else is data.
      const html = page && (typeof payload === 'string' || Buffer.isBuffer(payload));
      reply.header('content-security-policy', html ? pageCsp(String(payload)) : API_CSP);
    }
    if (options.tls) reply.header('strict-transport-security', 'max-age=31536000');
    return payload;
  });
};
