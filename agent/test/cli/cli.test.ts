// The real bin, spawned with this Node: stdout is the answer, stderr the logs, exit codes 0/1/2.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { createLogger } from '@invigilator/shared/logger.ts';
import { runCli } from '../../src/cli/dispatch.ts';
import { takeInstallerNote } from '../../src/stopping/installer-note.ts';
import { runBin } from '../helpers/run-bin.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('cli-test');

const isLinux = process.platform === 'linux';

describe('invigilator-agent CLI', () => {
  it.each([
    [['frobnicate'], /There is no command "frobnicate"/],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['enroll', '--collector', 'ws://127.0.0.1:1'], /enroll needs the school's enrolment secret: --secret-file FILE, the INVIGILATOR_ENROLMENT_SECRET environment variable, or --secret/],
    [['enroll', '--collector', 'ws://127.0.0.1:1', '--secret-file', '/nonexistent/secret'], /There is no secret file \/nonexistent\/secret\.$/m],
    [['enroll', '--collector', 'ws://127.0.0.1:1', '--secret-file', '/dev/null'], /The secret file \/dev\/null is empty\.$/m],
    [['diagnose'], /"diagnose" needs --out/],
    [['status', 'extra'], /positional/i],
    [['stopping-for', '--reason', 'reboot'], /--reason is upgrade or uninstall, not "reboot"\./],
    [['stopping-for', '--reason', 'uninstall', '--next-version', '0.2.0'], /--next-version goes with --reason upgrade only/],
  ])('exits 2 with a coded sentence for bad usage: %j', async (args, detail) => {
    const result = await runBin(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // One sentence for the person at the terminal: no JSON log line, nothing said twice.
    expect(result.stderr).toMatch(/^USAGE_INVALID: The command line is not valid/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(detail);
  });

  it('stopping-for leaves the note the running agent reads as it stops, and does nothing where nothing was enrolled', async () => {
    const stateDir = tempDir();
    expect(await runBin(['stopping-for', '--reason', 'upgrade', '--next-version', '0.2.0', '--state-dir', stateDir])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(takeInstallerNote(stateDir)).toEqual({ action: 'upgrade', nextVersion: '0.2.0' });
    expect(await runBin(['stopping-for', '--reason', 'uninstall', '--state-dir', path.join(stateDir, 'never-enrolled')])).toMatchObject({ code: 0 });
    expect(existsSync(path.join(stateDir, 'never-enrolled'))).toBe(false);
  });

  it('prints the list of commands on stdout for help, --help and no command', async () => {
    for (const args of [['help'], ['--help'], []]) {
      const result = await runBin(args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      for (const command of ['enroll', 'run', 'check', 'diagnose', 'status']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  it.each(['enroll', 'run', 'check', 'diagnose', 'status'])('answers "%s --help" and "%s help" with its own usage', async (command) => {
    // In-process through the dispatcher the bin runs (the bin itself is spawned by the tests above).
    for (const args of [[command, '--help'], [command, 'help'], ['help', command]]) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, createLogger({ name: 'cli-test', level: 'silent' }), {
        stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; },
      });
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`^Usage: invigilator-agent ${command}`));
    }
  });

  it('says its version for --version and version, and refuses anything after it', async () => {
    for (const args of [['--version'], ['version']]) {
      const result = await runBin(args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^invigilator-agent \d+\.\d+\.\d+ \(run from source, Node\.js 24\.\d+\.\d+, linux-x64\)\n$/);
    }
    const extra = await runBin(['--version', 'now']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/"--version" takes nothing after it/);
  });

  it('refuses an enrolment address that is not a web or WebSocket URL with exit 1', async () => {
    const result = await runBin(['enroll', '--collector', 'ftp://collector.example', '--secret', 's', '--state-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('CONFIG_INVALID: A setting is not valid. The collector address must start with https://, wss://, http:// or ws://, not ftp://.\n');
  });

  it('takes --name=value and a secret that begins with a dash', async () => {
    const result = await runBin(['enroll', '--collector=http://127.0.0.1:1', '--secret=-leading-dash', `--state-dir=${tempDir()}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ENROLMENT_FAILED: /);
  });

  it.skipIf(!isLinux)('check --json prints one observation per check on this machine, and nothing else on stdout (Linux only)', async () => {
    const result = await runBin(['check', '--json']);
    expect(result.code).toBe(0);
    const observations = JSON.parse(result.stdout) as { check: string; status: string }[];
    expect(observations.map((observation) => observation.check)).toEqual([...CHECK_NAMES]);
    for (const observation of observations) expect(['COLLECTED', 'COULD_NOT_COLLECT', 'NOT_APPLICABLE']).toContain(observation.status);
  });

  it.skipIf(!isLinux)('diagnose then check --replay gives the same observations as check --json (Linux only)', async () => {
    const bundle = path.join(tempDir(), 'bundle');
    const diagnose = await runBin(['diagnose', '--out', bundle]);
    expect(diagnose.code).toBe(0);
    expect(diagnose.stdout).toMatch(/Wrote a diagnostic bundle with \d+ source\(s\) from 6 check\(s\)/);
    const [replay, live] = await Promise.all([runBin(['check', '--replay', bundle, '--json']), runBin(['check', '--json'])]);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toEqual(JSON.parse(live.stdout));
  });

  it('replays a bundle from another platform through that platform\'s checks', async () => {
    const bundle = tempDir();
    writeFileSync(path.join(bundle, 'manifest.json'), JSON.stringify({
      format: 'invigilator-diagnostic-bundle', formatVersion: 1, platform: 'windows', osName: 'Windows 11', osVersion: '10.0.22631',
      agentVersion: '0.1.0', collectedAt: '2026-11-23T08:00:00Z', context: { removableMountRoots: [] }, sources: [],
    }));
    const result = await runBin(['check', '--replay', bundle, '--json']);
    expect(result.code).toBe(0);
    const observations = JSON.parse(result.stdout) as { check: string; status: string; reasonCode: string; sourceIds: string[] }[];
    expect(observations.map((observation) => observation.check)).toEqual([...CHECK_NAMES]);
    // Nothing was captured: every Windows check says so rather than passing.
    for (const observation of observations) {
      expect(observation.status).toBe('COULD_NOT_COLLECT');
      expect(observation.sourceIds.every((id) => id.startsWith('windows.'))).toBe(true);
    }
  });

  it('a damaged bundle exits 1 with BUNDLE_INVALID', async () => {
    const bundle = tempDir();
    mkdirSync(path.join(bundle, 'sources'));
    writeFileSync(path.join(bundle, 'manifest.json'), '{"format": "invigilator-diagnostic-bundle", "formatVer');
    const result = await runBin(['check', '--replay', bundle, '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^BUNDLE_INVALID: The diagnostic bundle is damaged/m);
  });

  it('run without an enrolment exits 1 with NOT_ENROLLED', async () => {
    const result = await runBin(['run', '--state-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^NOT_ENROLLED: This device is not enrolled/m);
  });
});
