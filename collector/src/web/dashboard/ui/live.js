// Live updates from the collector's event stream, handed to whichever page is open.
import { useEffect, useRef } from 'preact/hooks';

const bus = new EventTarget();
export const publishLive = ({ type, data }) => bus.dispatchEvent(new CustomEvent(type, { detail: data }));

/** Calls `handler` for each live event of these types, at most once per `delayMs` (a burst is one refresh). */
export const useLive = (types, handler, delayMs = 800) => {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    let timer = null;
    let pending = [];
    const listener = (event) => {
      pending.push({ type: event.type, data: event.detail });
      if (timer) return;
      timer = setTimeout(() => { const batch = pending; pending = []; timer = null; latest.current(batch); }, delayMs);
    };
    for (const type of types) bus.addEventListener(type, listener);
    return () => { for (const type of types) bus.removeEventListener(type, listener); clearTimeout(timer); };
  }, [types.join(','), delayMs]);
};
