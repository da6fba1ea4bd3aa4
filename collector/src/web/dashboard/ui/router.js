// Pages live in the address's fragment (#/devices?q=lab), so every view can be bookmarked, shared and
// reached with Back, and the collector serves one page for all of them.
import { useEffect, useState } from 'preact/hooks';

export const currentRoute = () => {
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', parts: (path || '/').split('/').filter(Boolean), params: new URLSearchParams(search) };
};

export const href = (path, params = {}) => {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
};

export const navigate = (path, params, { replace = false } = {}) => {
  const target = href(path, params);
  if (replace) history.replaceState(null, '', target);
  else location.hash = target;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
};

export const useRoute = () => {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
};
