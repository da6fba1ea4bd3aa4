// Misuse seen as it happens, from this machine's real agent (inside a network
// namespace of its own, so its nftables ruleset can be flushed) to the real
// collector: a safeguard switched off, a filter-bypass tool started, a program
// downloaded, a proxy and DNS over HTTPS set in Firefox and GNOME, a stick mounted for one
// second. Needs root; skipped elsewhere.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misuseEvents, startLine, type Line, type PresentedAlert, type PresentedEvent } from '../support/line.ts';
import { createNetns, NFT, type Netns } from '../support/netns.ts';
import { api, tempDir, waitFor } from '../support/processes.ts';
import { mountUsbStick, type UsbStick } from '../support/usb-stick.ts';

const canRun = process.platform === 'linux' && process.getuid?.() === 0 && [NFT, '/usr/bin/findmnt', '/usr/bin/dbus-run-session', '/usr/bin/gsettings'].every((file) => existsSync(file));
const suffix = randomBytes(3).toString('hex');
/** The promise: seen within seconds, not at the next round. */
const WITHIN_MS = 5_000;

const DROP_RULESET = 'flush ruleset\ntable inet filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n'
  + '    ct state established,related accept\n    iif lo accept\n    tcp dport 22 accept\n  }\n}\n';

describe.runIf(canRun)('misuse on a Linux device, seen within seconds and stored at the collector', () => {
  let netns: Netns;
  let line: Line;
  const cleanups: Array<() => void> = [];
  const children: ChildProcess[] = [];

  const misuseOf = async (kind: string, matching: (event: PresentedEvent) => boolean, timeoutMs = WITHIN_MS): Promise<PresentedEvent> =>
    waitFor(`a stored ${kind} event`, async () => misuseEvents(await line.allEvents('dsl'), kind).find(matching), timeoutMs);

  beforeAll(async () => {
    netns = createNetns();
    netns.run(NFT, ['-f', '-'], DROP_RULESET);
    line = await startLine('misuse', { listenHost: netns.hostAddress, agentLauncher: netns.launcher });
    // The agent is running once the collector has its first round.
    await waitFor('the agent\'s first firewall observation', async () =>
      (await line.allEvents()).find((event) => event.check === 'firewall'), 60_000);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const cleanup of cleanups.reverse()) {
      try { cleanup(); } catch (error) { console.error('cleanup failed', error); }
    }
    await line?.stop();
    netns?.destroy();
    if (line) rmSync(line.dataDir, { recursive: true, force: true });
  });

  it('flushing the nftables ruleset is a safeguard switched off, alerted to the DSL', async () => {
    const flushedAt = Date.now();
    netns.run(NFT, ['flush', 'ruleset']);
    const event = await misuseOf('SAFEGUARD_DISABLED', (candidate) => String(candidate.payload.subject) === 'the firewall');
    expect(Date.now() - flushedAt).toBeLessThan(WITHIN_MS);
    expect(String(event.payload.detail)).toMatch(/^The firewall was switched off: the firewall \(nftables\) no longer filters incoming connections \(changed with nft, process \d+\)$/);
    const { body } = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.dsl, '/api/v1/alerts?category=misuse');
    expect(body.alerts.find((alert) => alert.title.startsWith('A safeguard was switched off'))).toMatchObject({ severity: 'critical', status: 'open' });
    const technician = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.technician, '/api/v1/alerts');
    expect(technician.body.alerts.filter((alert) => alert.category === 'misuse')).toEqual([]);
  });

  it('a program named like a filter-bypass tool is reported within seconds of starting', async () => {
    const dir = tempDir('bypass');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const program = path.join(dir, 'psiphon3');
    copyFileSync('/bin/sleep', program);
    const startedAt = Date.now();
    const child = spawn(program, ['30'], { stdio: 'ignore' });
    children.push(child);
    const event = await misuseOf('BYPASS_TOOL', (candidate) => candidate.payload.subject === program);
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(event.payload).toMatchObject({ user: 'root', detail: `The filter-bypass tool "psiphon3" was started (${program})` });
    child.kill('SIGKILL');
  });

  it('an installer saved to a user\'s Downloads folder is reported, naming the user', async () => {
    const user = `inv-pupil-${suffix}`;
    const home = path.join('/home', user);
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    mkdirSync(path.join(home, 'Downloads'), { recursive: true });
    // Give the agent a moment to see the new home, as a first login would.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    writeFileSync(path.join(home, 'Downloads', 'holiday-photos.txt'), 'not a program');
    writeFileSync(path.join(home, 'Downloads', 'FreeGames-Setup.exe'), Buffer.alloc(4096, 0x4d));
    const event = await misuseOf('EXECUTABLE_DOWNLOADED', (candidate) => candidate.payload.subject === 'FreeGames-Setup.exe', 15_000);
    expect(event.payload).toMatchObject({ user, file: { name: 'FreeGames-Setup.exe', sizeBytes: 4096 } });
    const all = misuseEvents(await line.allEvents('dsl'), 'EXECUTABLE_DOWNLOADED');
    expect(all.some((candidate) => candidate.payload.subject === 'holiday-photos.txt')).toBe(false);
  });

  it('a proxy a pupil sets in Firefox and in GNOME, and DNS over HTTPS, reach the DSL within seconds', async () => {
    const user = `inv-proxy-${suffix}`;
    const home = path.join('/home', user);
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    // The prefs.js Firefox ESR wrote for a profile with a SOCKS proxy and DNS over HTTPS only.
    const prefs = readFileSync(new URL('../fixtures/linux/firefox-prefs.devmachine-socks-and-doh.js.txt', import.meta.url), 'utf8')
      .replace(/127\.0\.0\.1/g, '127.0.0.7');
    const profile = path.join(home, '.mozilla', 'firefox', 'k2x9.default-esr');
    mkdirSync(profile, { recursive: true });
    const setAt = Date.now();
    writeFileSync(path.join(profile, 'prefs.js'), prefs);
    // Matched by this pupil too: another run on the machine may give its own pupil the same settings under /home.
    const proxy = await misuseOf('PROXY_SET', (candidate) => candidate.payload.user === user && candidate.payload.subject === '127.0.0.7:9050');
    expect(Date.now() - setAt).toBeLessThan(WITHIN_MS);
    expect(proxy.payload).toMatchObject({ user, changedByAdministrator: 'TRI_NO',
      detail: 'A proxy was set in the user\'s own settings: Firefox sends web traffic through the SOCKS proxy 127.0.0.7:9050' });
    await misuseOf('DNS_OVER_HTTPS_SET', (candidate) => candidate.payload.user === user && candidate.payload.subject === 'https://dns.quad9.net/dns-query');

    // GNOME: the pupil's own dconf database, written as GNOME Settings writes it (through the dconf service).
    const config = path.join(home, '.config');
    mkdirSync(config, { recursive: true });
    execFileSync('/usr/bin/dbus-run-session', ['--', '/usr/bin/gsettings', 'set', 'org.gnome.system.proxy.socks', 'host', '10.66.0.1'], { env: { ...process.env, XDG_CONFIG_HOME: config, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('/usr/bin/dbus-run-session', ['--', '/usr/bin/gsettings', 'set', 'org.gnome.system.proxy.socks', 'port', '1080'], { env: { ...process.env, XDG_CONFIG_HOME: config, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('/usr/bin/dbus-run-session', ['--', '/usr/bin/gsettings', 'set', 'org.gnome.system.proxy', 'mode', 'manual'], { env: { ...process.env, XDG_CONFIG_HOME: config, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    const gnome = await misuseOf('PROXY_SET', (candidate) => candidate.payload.user === user && candidate.payload.subject === '10.66.0.1:1080');
    expect(gnome.payload).toMatchObject({ user, detail: 'A proxy was set in the user\'s own settings: the GNOME desktop sends web traffic through the SOCKS proxy 10.66.0.1:1080' });

    const { body } = await api<{ alerts: PresentedAlert[] }>(line.collector, line.tokens.dsl, '/api/v1/alerts?category=misuse');
    expect(body.alerts.find((alert) => /^A proxy set on .+ gets round the school's filtering$/.test(alert.title))).toMatchObject({ severity: 'critical' });
  });

  it('a stick mounted for one second is stored attached and detached', async () => {
    const label = `ONESEC${suffix}`.toUpperCase();
    const stick: UsbStick = mountUsbStick({ mountRoot: line.mediaRoot, user: `inv-pupil-${suffix}`, label });
    cleanups.push(() => stick.destroy());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    stick.unmount();
    const about = (candidate: PresentedEvent): boolean => JSON.stringify(candidate.payload).includes(label);
    await misuseOf('MEDIA_DETACHED', about, 15_000);
    expect(misuseEvents(await line.allEvents('dsl'), 'MEDIA_ATTACHED').some(about)).toBe(true);
  });
});

