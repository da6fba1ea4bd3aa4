// Bundle writer → bundle provider round trip with a recording provider over real files,
// plus damaged manifests.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { check as linuxAntivirus } from '../../src/checks/antivirus/linux.ts';
import { liveProvider } from '../../src/checks/live-provider.ts';
import { runCheck } from '../../src/checks/runner.ts';
import type { SourceProvider, SourceSpec } from '../../src/checks/types.ts';
import { loadBundle } from '../../src/diagnose/bundle-provider.ts';
import { writeBundle } from '../../src/diagnose/bundle-writer.ts';
import { parseManifest } from '../../src/diagnose/manifest.ts';
import { recordingProvider } from '../../src/diagnose/recording-provider.ts';
import { linuxFixture } from '../checks/collected-from.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('bundle-test');

const header = { platform: 'linux' as const, osName: 'Debian GNU/Linux', osVersion: '12', agentVersion: '0.1.0', collectedAt: new Date('2026-11-23T08:00:00Z'), context: { removableMountRoots: ['/media'] } };

describe('diagnostic bundles', () => {
  it('records each source once and replays exactly what was read, including failures', async () => {
    const work = tempDir();
    // Latin-1 and UTF-8 text, a missing file and a real command: all must come back as they were.
    writeFileSync(path.join(work, 'header.bin'), Buffer.from([0x43, 0x6c, 0xe9, 0xff, 0x0a]));
    writeFileSync(path.join(work, 'text.txt'), 'Größe: 5 GiB\r\nzwei\n');
    const specs: SourceSpec[] = [
      { id: 'linux.header', kind: 'file', path: path.join(work, 'header.bin'), encoding: 'latin1' },
      { id: 'linux.text/with slash', kind: 'file', path: path.join(work, 'text.txt') },
      { id: 'linux.missing', kind: 'file', path: path.join(work, 'nope') },
      { id: 'linux.uname', kind: 'command', file: '/bin/uname', args: ['-s'] },
    ];
    const recorder = recordingProvider(liveProvider);
    const live = await Promise.all(specs.map((spec) => recorder.read(spec)));
    expect(await recorder.read(specs[0] as SourceSpec)).toBe(live[0]);

    const bundleDir = path.join(tempDir(), 'bundle');
    const manifest = writeBundle(bundleDir, header, await recorder.recorded());
    expect(manifest.sources.map((source) => source.stdoutFile)).toEqual([
      'sources/linux.header.stdout', 'sources/linux.text_with_slash.stdout', 'sources/linux.missing.stdout', 'sources/linux.uname.stdout',
    ]);
    expect(manifest.sources[3]).toMatchObject({ kind: 'command', file: '/bin/uname', args: ['-s'], exitCode: 0, errorCode: null });
    expect(manifest.sources[2]).toMatchObject({ errorCode: 'COMMAND_NOT_FOUND', exitCode: null });

    const { manifest: loaded, provider } = loadBundle(bundleDir);
    expect(loaded).toEqual(JSON.parse(readFileSync(path.join(bundleDir, 'manifest.json'), 'utf8')));
    for (const [index, spec] of specs.entries()) {
      const replayed = await provider.read(spec);
      const original = live[index];
      expect(replayed.stdout).toBe(original?.stdout);
      expect(replayed.exitCode).toBe(original?.exitCode);
      expect(replayed.errorCode).toBe(original?.errorCode);
      // The live provider stamps each read; the bundle hands the same time back.
      expect(replayed.collectedAtMs).toBeTypeOf('number');
      expect(replayed.collectedAtMs).toBe(original?.collectedAtMs);
    }
    const notCaptured = await provider.read({ id: 'linux.never-read', kind: 'command', file: '/bin/true', args: [] });
    expect(notCaptured).toMatchObject({ errorCode: 'SOURCE_NOT_CAPTURED', errorDetail: 'linux.never-read', exitCode: null });
  });

  it('keeps when mdatp health was read, so Defender\'s update time replays the same', async () => {
    const readAt = Date.UTC(2026, 10, 23, 7, 59, 58);
    // On the device: no ClamAV, Defender installed (the real Linux output), read at `readAt`.
    const device: SourceProvider = {
      read: (spec) => Promise.resolve(spec.id === 'linux.mdatp-health'
        ? { id: spec.id, exitCode: 0, stdout: linuxFixture('mdatp-health.1-doc-fanotify.txt'), stderr: '', durationMs: 40, collectedAtMs: readAt }
        : { id: spec.id, exitCode: null, stdout: '', stderr: '', durationMs: 0, errorCode: 'COMMAND_NOT_FOUND', errorDetail: 'ENOENT', collectedAtMs: readAt }),
    };
    const recorder = recordingProvider(device);
    const onDevice = await runCheck(linuxAntivirus, recorder, header.context);
    const bundleDir = path.join(tempDir(), 'bundle');
    const manifest = writeBundle(bundleDir, header, await recorder.recorded());
    expect(manifest.sources.find((source) => source.id === 'linux.mdatp-health')).toMatchObject({ collectedAtMs: readAt });

    const replay = await runCheck(linuxAntivirus, loadBundle(bundleDir).provider, header.context);
    expect(replay.observation).toEqual(onDevice.observation);
    expect(replay.observation).toMatchObject({ status: CollectionStatus.COLLECTED, antivirus: { products: [{ signaturesUpdatedAtMs: readAt - 159 * 60_000 }] } });
  });

  it('reads a source without collectedAtMs (older bundles) and refuses one that is not a time', () => {
    const source = { id: 'x', kind: 'command', stdoutFile: 'sources/x.stdout', exitCode: 0 };
    const manifestWith = (extra: Record<string, unknown>) => JSON.stringify({ format: 'invigilator-diagnostic-bundle', formatVersion: 1, platform: 'linux', context: { removableMountRoots: [] }, sources: [{ ...source, ...extra }] });
    expect(parseManifest(manifestWith({})).sources[0]).not.toHaveProperty('collectedAtMs');
    expect(parseManifest(manifestWith({ collectedAtMs: 1_795_000_000_000 })).sources[0]?.collectedAtMs).toBe(1_795_000_000_000);
    for (const bad of ['2026-11-23T08:00:00Z', -5, 1.5, null]) {
      expect(() => parseManifest(manifestWith({ collectedAtMs: bad })), String(bad)).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID', message: expect.stringMatching(/collectedAtMs/) }));
    }
  });

  it('refuses damaged or foreign manifests with BUNDLE_INVALID naming the problem', () => {
    const good = { format: 'invigilator-diagnostic-bundle', formatVersion: 1, platform: 'windows', context: { removableMountRoots: [] }, sources: [] };
    const cases: [string, string, RegExp][] = [
      ['not JSON', '{"format": "invigilator-diag', /not JSON/],
      ['wrong format', JSON.stringify({ ...good, format: 'zip' }), /format is "zip"/],
      ['newer version', JSON.stringify({ ...good, formatVersion: 2 }), /formatVersion 2/],
      ['unknown platform', JSON.stringify({ ...good, platform: 'beos' }), /platform "beos"/],
      ['no context', JSON.stringify({ ...good, context: null }), /removableMountRoots/],
      ['escaping stdout file', JSON.stringify({ ...good, sources: [{ id: 'x', kind: 'file', stdoutFile: '../../etc/shadow', exitCode: 0 }] }), /inside the bundle/],
      ['unknown error code', JSON.stringify({ ...good, sources: [{ id: 'x', kind: 'file', stdoutFile: 'sources/x.stdout', exitCode: null, errorCode: 'BOGUS' }] }), /BOGUS/],
    ];
    for (const [name, text, message] of cases) {
      expect(() => parseManifest(text), name).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID', message: expect.stringMatching(message) }));
    }
    expect(parseManifest(JSON.stringify(good)).platform).toBe('windows');
  });

  it('reports a missing bundle folder or stdout file as BUNDLE_INVALID', () => {
    expect(() => loadBundle(path.join(tempDir(), 'absent'))).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID' }));
    const dir = tempDir();
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ format: 'invigilator-diagnostic-bundle', formatVersion: 1, platform: 'linux', context: { removableMountRoots: [] }, sources: [{ id: 'x', kind: 'file', stdoutFile: 'sources/x.stdout', exitCode: 0 }] }));
    expect(() => loadBundle(dir)).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID', message: expect.stringMatching(/sources\/x.stdout/) }));
  });
});
