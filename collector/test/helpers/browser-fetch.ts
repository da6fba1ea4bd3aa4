// fetch with a cookie jar per origin and redirects followed by hand, as a browser does: enough to walk
// a real sign-in through the provider's pages and back.
export interface Page { status: number; url: string; text: string; headers: Headers }

export const createBrowser = () => {
  const jar = new Map<string, Map<string, string>>();
  const cookiesFor = (url: URL): string => [...(jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (url: URL, response: Response): void => {
    const cookies = jar.get(url.host) ?? new Map<string, string>();
    jar.set(url.host, cookies);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
  };

  /** One request, then every redirect after it; the last response. */
  const go = async (address: string, init: RequestInit = {}): Promise<Page> => {
    let url = new URL(address);
    let request: RequestInit = init;
    for (let hop = 0; hop < 20; hop += 1) {
      const headers = new Headers(request.headers);
      const cookie = cookiesFor(url);
      if (cookie) headers.set('cookie', cookie);
      const response = await fetch(url, { ...request, headers, redirect: 'manual' });
      keep(url, response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        request = {};
        await response.arrayBuffer();
        continue;
      }
      return { status: response.status, url: url.href, text: await response.text(), headers: response.headers };
    }
    throw new Error(`too many redirects from ${address}`);
  };

  const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> =>
    go(url, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

  return { go, form, cookie: (host: string, name: string) => jar.get(host)?.get(name), jar };
};

/** The action of the first form on a page, absolute. */
export const formAction = (page: Page): string => {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
  if (!action) throw new Error(`no form on ${page.url}: ${page.text.slice(0, 200)}`);
  return new URL(action.replace(/&amp;/g, '&'), page.url).href;
};
