// Calls to the collector's JSON API. The browser signs in with the session cookie (from /sign-in) or
// with an API token pasted into this tab (kept in this tab only); a change made on the cookie carries
// the session's anti-forgery token.
const TOKEN_KEY = 'invigilator-token';
let csrfToken = null;
const signedOutListeners = new Set();

export class ApiError extends Error {
  /** `fields`: where a rejected upload is wrong, [{ field: 'checks.antivirus.maxSignatureAgeHours', problem }]. */
  constructor(status, code, message, fields = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const apiToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export const useCsrfToken = (token) => { csrfToken = token ?? null; };
export const onSignedOut = (listener) => { signedOutListeners.add(listener); return () => signedOutListeners.delete(listener); };

/**
 * A request the page makes on its own (a refresh after a live update, the live stream itself) says so, and
 * does not keep the sign-in alive: a dashboard left open ends after the idle limit like any other. The person
 * is at the page if they clicked, typed, scrolled or touched it in the last few seconds.
 */
const PERSON_AT_PAGE_MS = 5000;
let lastInput = Date.now();
for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
  addEventListener(type, () => { lastInput = Date.now(); }, { capture: true, passive: true });
}
const byPage = () => Date.now() - lastInput > PERSON_AT_PAGE_MS;

const authHeaders = (method, { background = byPage() } = {}) => {
  const token = apiToken.get();
  if (token) return { authorization: `Bearer ${token}` };
  return {
    ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
    ...(background ? { 'x-invigilator-background': '1' } : {}),
  };
};

const failure = async (response) => {
  const body = await response.json().catch(() => ({}));
  const error = new ApiError(response.status, body.error?.code ?? 'HTTP', body.error?.message ?? `The collector answered ${response.status}.`, body.error?.fields ?? []);
  if (response.status === 401) for (const listener of signedOutListeners) listener(error);
  return error;
};

/** A JSON call; a body is sent as JSON. Throws ApiError with the collector's own sentence. */
export const call = async (path, { method = 'GET', body } = {}) => {
  const headers = authHeaders(method);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
};

/** A file from the API (a PDF or CSV export), saved under the name the collector gives it. */
export const download = async (path) => {
  const response = await fetch(path, { headers: authHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
};

/** Builds a query string from the set values only. */
export const query = (params) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const parseEvent = (block) => {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return null;
  try { return { type, data: JSON.parse(data.join('\n')) }; } catch { return null; }
};

/**
 * The collector's live stream (server-sent events), read with fetch so that a pasted token signs it too.
 * Reconnects after a drop; a 401 ends it (the page goes back to sign-in). Returns a function that stops it.
 */
export const subscribeLive = (onEvent, onState) => {
  let stopped = false;
  let controller = null;
  const run = async () => {
    let wait = 1000;
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/api/v1/live', {
          headers: { ...authHeaders('GET', { background: true }), accept: 'text/event-stream' }, credentials: 'same-origin', signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) { await failure(response); onState('off'); return; }
        if (!response.ok || !response.body) throw new Error(`live stream: ${response.status}`);
        onState('on');
        wait = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = parseEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (event?.type === 'signed-out') {
              // The session or token ended while the page was open: back to signing in.
              const ended = new ApiError(401, 'SESSION_INVALID', event.data.message ?? 'Your sign-in has ended.');
              for (const listener of signedOutListeners) listener(ended);
              onState('off');
              return;
            }
            if (event) onEvent(event);
          }
        }
      } catch (error) {
        if (stopped) return;
        if (error.name !== 'AbortError' && error.name !== 'TypeError') onState('off');
      }
      if (stopped) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 30_000);
    }
  };
  run();
  return () => { stopped = true; controller?.abort(); };
};
