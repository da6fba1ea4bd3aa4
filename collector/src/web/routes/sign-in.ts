// The sign-in page and the sign-in, callback and sign-out routes. Every page is served without inline
// scripts; failures show the catalogue sentence on the page with the matching status code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stringifySetCookie } from 'cookie';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { OIDC_CALLBACK_PATH, OIDC_FLOW_COOKIE, OIDC_FLOW_MAX_AGE_S } from '../../sign-in/oidc.ts';
import { cookieOptions, cookieValue, SESSION_COOKIE, sessionCookieHeader } from '../../sign-in/sessions.ts';
import type { SignIn } from '../../sign-in/sign-in.ts';
import { ROLES } from '../../store/types.ts';
import { assertSameOrigin } from '../access.ts';
import { appPageCsp } from '../security-headers.ts';
import { statusOf } from '../errors.ts';

const TEMPLATE = readFileSync(path.join(import.meta.dirname, '../dashboard/sign-in.html'), 'utf8');
/** Scripts and styles from the collector's own files only: the page has no inline script or style. */
const PAGE_SECURITY_POLICY = appPageCsp(TEMPLATE);

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' })[c]};`);

const OIDC_SECTION = `<section>
    <h2>Staff sign-in</h2>
    <a class="button" href="/auth/oidc/start">Sign in with your school account</a>
    <p class="note">Your Google Workspace or Microsoft account at school.</p>
  </section>
  <p class="or">or</p>`;

export const renderSignInPage = (oidcEnabled: boolean, error?: InvigilatorError): string => TEMPLATE
  .replace('<!--error-->', error ? `<p class="error" role="alert">${escapeHtml(error.message)}</p>` : '')
  .replace('<!--oidc-->', oidcEnabled ? OIDC_SECTION : '');

interface PasswordForm { email: string; password: string }

const PASSWORD_SCHEMA = {
  body: {
    type: 'object', additionalProperties: false, required: ['email', 'password'],
    properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 } },
  },
};

export const signInRoutes = (app: FastifyInstance, signIn: SignIn): void => {
  const sendPage = (reply: FastifyReply, status: number, error?: InvigilatorError): FastifyReply =>
    reply.code(status).type('text/html; charset=utf-8').header('content-security-policy', PAGE_SECURITY_POLICY)
      .header('cache-control', 'no-store').send(renderSignInPage(signIn.oidcEnabled, error));

  /** A failure shown on the page with its status; a 5xx without its detail, except our own provider sentence. */
  const showFailure = (request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply => {
    if (error instanceof InvigilatorError && (statusOf(error) < 500 || error.code === 'OIDC_FAILED')) {
      return sendPage(reply, statusOf(error), error);
    }
    request.log.error({ code: error instanceof InvigilatorError ? error.code : 'INTERNAL', err: error }, 'Sign-in failed.');
    const shown = error instanceof InvigilatorError ? error : new InvigilatorError('INTERNAL');
    return sendPage(reply, statusOf(shown), new InvigilatorError(shown.code, undefined));
  };

  /** The new session's cookie, and the end of any session this browser held before (no session outlives its replacement). */
  const signedIn = async (request: FastifyRequest, reply: FastifyReply, id: string): Promise<FastifyReply> => {
    const previous = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (previous) await signIn.endPrevious(previous, Date.now());
    return reply.header('set-cookie', sessionCookieHeader(id, signIn.sessions)).header('cache-control', 'no-store').redirect('/', 303);
  };

  // Browsers post the password form url-encoded.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

  app.get('/sign-in', { config: { access: 'public' } }, async (_request, reply) => sendPage(reply, 200));

  app.post<{ Body: PasswordForm }>('/auth/password', { config: { access: 'public' }, schema: PASSWORD_SCHEMA },
    async (request, reply) => {
      try {
        assertSameOrigin(request, signIn.publicUrl());
        const { id } = await signIn.withPassword(request.body.email, request.body.password, request.ip, Date.now());
        return signedIn(request, reply, id);
      } catch (error) {
        return showFailure(request, reply, error);
      }
    });

  app.get('/auth/oidc/start', { config: { access: 'public' } }, async (request, reply) => {
    try {
      const { url, flow } = await signIn.oidcStart();
      return reply.header('set-cookie', stringifySetCookie({
        name: OIDC_FLOW_COOKIE, value: flow, ...cookieOptions(signIn.sessions), path: OIDC_CALLBACK_PATH, maxAge: OIDC_FLOW_MAX_AGE_S,
      })).header('cache-control', 'no-store').redirect(url, 303);
    } catch (error) {
      return showFailure(request, reply, error);
    }
  });

  app.get(OIDC_CALLBACK_PATH, { config: { access: 'public' } }, async (request, reply) => {
    // The flow cookie is for one use, whatever the outcome.
    reply.header('set-cookie', stringifySetCookie({
      name: OIDC_FLOW_COOKIE, value: '', ...cookieOptions(signIn.sessions), path: OIDC_CALLBACK_PATH, maxAge: 0,
    }));
    try {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const flow = cookieValue(request.headers.cookie, OIDC_FLOW_COOKIE);
      const { id } = await signIn.withOidc(query, flow, request.ip, Date.now());
      return signedIn(request, reply, id);
    } catch (error) {
      return showFailure(request, reply, error);
    }
  });

  app.post('/auth/sign-out', { config: { access: ROLES } }, async (request, reply) => {
    const session = request.signedIn;
    if (!session) throw new InvigilatorError('BAD_REQUEST', 'Sign-out ends a browser session; an API token is revoked with `token revoke`.');
    await signIn.signOut(session.id, session.session, session.person, Date.now());
    return reply.header('set-cookie', sessionCookieHeader('', signIn.sessions)).send({ signedOut: true });
  });
};
