// Whether a proxy or DNS-over-HTTPS address an agent saw is one of the school's own
// (its web filter's proxy, its PAC file, its filtered resolver): then it is the school's
// filtering at work, not a way round it. Compared by host (and port, where the school's
// entry gives one), without case; a full URL in the pack must match the setting's URL.

interface Address { host: string; port?: string; url?: string }

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

const parseAddress = (text: string): Address | undefined => {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(trimmed)?.[1];
  if (scheme) {
    try {
      const url = new URL(trimmed);
      return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || DEFAULT_PORTS[scheme], url: `${url.origin}${url.pathname}`.replace(/\/$/, '') };
    } catch {
      return undefined;
    }
  }
  // host, host:port, [v6]:port
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracketed) return { host: bracketed[1]!, ...(bracketed[2] ? { port: bracketed[2] } : {}) };
  const hostPort = /^([^:/]+)(?::(\d+))?$/.exec(trimmed);
  return hostPort ? { host: hostPort[1]!, ...(hostPort[2] ? { port: hostPort[2] } : {}) } : { host: trimmed };
};

export const isSchoolAddress = (seen: string, schoolAddresses: readonly string[]): boolean => {
  const address = parseAddress(seen);
  if (!address) return false;
  return schoolAddresses.some((entry) => {
    const school = parseAddress(entry);
    if (!school || school.host !== address.host) return false;
    if (school.url && school.url.includes('/', school.url.indexOf('//') + 2)) return school.url === address.url;
    return !school.port || school.port === address.port;
  });
};
