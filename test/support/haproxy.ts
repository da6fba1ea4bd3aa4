// HAProxy from Debian's package in front of several collectors, as a school's load balancer would be:
// WebSocket upgrades and API requests alike, a collector that stops answering /healthz taken out.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, GaveUp, startProcess, waitFor, type RunningProcess } from './processes.ts';

export const HAPROXY_BIN = '/usr/sbin/haproxy';

export interface LoadBalancer { port: number; url: string; wsUrl: string; process: RunningProcess; config: string }

/** The configuration the README shows, with these collectors' ports. */
export const haproxyConfig = (port: number, backendPorts: readonly number[]): string => `global
  # Two open files per connection: a large site raises this (and the service's file limit) to its agent count.
  maxconn 4000

defaults
  mode http
  timeout connect 2s
  timeout client 90s
  timeout server 90s
  # An agent's WebSocket stays open for hours; pings keep it busy well within this.
  timeout tunnel 1h
  # A connection to a collector that has just died is tried on another.
  option redispatch
  retries 3

frontend invigilator
  bind 127.0.0.1:${port}
  default_backend collectors

backend collectors
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
${backendPorts.map((backend, index) => `  server collector-${index + 1} 127.0.0.1:${backend} check`).join('\n')}
`;

export const startHaproxy = async (dir: string, backendPorts: readonly number[]): Promise<LoadBalancer> => {
  const port = await freePort();
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, backendPorts));
  // -db: in the foreground, so the test owns the process and its end.
  const running = startProcess(HAPROXY_BIN, ['-db', '-f', config], path.join(dir, 'haproxy.log'));
  const url = `http://127.0.0.1:${port}`;
  await waitFor('HAProxy to pass requests to a collector', async () => {
    if (running.child.exitCode !== null) throw new GaveUp(`haproxy exited: ${running.log()}`);
    return (await fetch(`${url}/healthz`)).ok ? true : undefined;
  });
  return { port, url, wsUrl: `ws://127.0.0.1:${port}`, process: running, config };
};
