// One authorised call to a Google API: a 401 (token expired early) renews the token once; 403 means access refused.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { googleMessage, parseJsonAnswer, sendWithRetries, type GoogleHttpOptions } from './google-http.ts';
import type { TokenSource } from './google-token.ts';

/** A GET, or a POST of `body` as JSON (the Chrome Policy API's resolve takes its question in the body). */
export const getGoogleJson = async (
  tokens: TokenSource, url: URL, http: GoogleHttpOptions, body?: Record<string, unknown>,
): Promise<Record<string, unknown>> => {
  for (let attempt = 0; ; attempt += 1) {
    const headers: Record<string, string> = { authorization: `Bearer ${await tokens.token()}` };
    if (body) headers['content-type'] = 'application/json';
    const answer = await sendWithRetries(
      { method: body ? 'POST' : 'GET', url, headers, ...(body ? { body: JSON.stringify(body) } : {}) }, http);
    if (answer.status === 401 && attempt === 0) {
      tokens.invalidate();
      continue;
    }
    const what = `${url.pathname}`;
    if (answer.status === 401 || answer.status === 403) {
      throw new InvigilatorError('CHROMEOS_ACCESS_REFUSED', `(${what}: Google said: ${googleMessage(answer.body) || `HTTP ${answer.status}`})`);
    }
    if (answer.status !== 200) {
      throw new InvigilatorError('CHROMEOS_API_FAILED', `(${what}: HTTP ${answer.status}${googleMessage(answer.body) ? `, ${googleMessage(answer.body)}` : ''})`);
    }
    return parseJsonAnswer(answer, what);
  }
};
