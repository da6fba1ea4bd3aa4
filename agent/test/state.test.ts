import { readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStateDir, readEnrolment, readSavedConfig, readStatus, statePaths, writeEnrolment, writeSavedConfig, writeStatus } from '../src/state.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs('state-test');

const enrolment = { collectorUrl: 'wss://collector.example', deviceId: 'dev-1', deviceCredential: 'cred', schoolId: 'school-1' };

describe('state', () => {
  it('keeps the collector\'s last config across restarts, and ignores a damaged copy', () => {
    const dir = tempDir();
    expect(readSavedConfig(dir)).toBeUndefined();
    writeSavedConfig(dir, { policyVersion: 'trust@3', removableMountRoots: ['/media'], hashFileNames: true, checkSchedules: { firewall: '*/5 * * * *' } });
    expect(readSavedConfig(dir)).toMatchObject({ policyVersion: 'trust@3', removableMountRoots: ['/media'], hashFileNames: true, checkSchedules: { firewall: '*/5 * * * *' } });
    writeFileSync(statePaths(dir).settings, '{"policyVersion": ');
    expect(readSavedConfig(dir)).toBeUndefined();
  });

  it('writes enrolment.json with mode 0600 through a temp file and reads it back', () => {
    const dir = path.join(tempDir(), 'nested', 'state');
    writeEnrolment(dir, { ...enrolment, caFile: '/etc/ca.pem' });
    expect(statSync(statePaths(dir).enrolment).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['enrolment.json']);
    expect(readEnrolment(dir)).toEqual({ ...enrolment, caFile: '/etc/ca.pem' });
  });

  it('reports a missing, damaged or incomplete enrolment as NOT_ENROLLED', () => {
    const dir = tempDir();
    expect(() => readEnrolment(dir)).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED' }));
    writeFileSync(statePaths(dir).enrolment, '{"deviceId": "dev-1",');
    expect(() => readEnrolment(dir)).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED', message: expect.stringMatching(/damaged/) }));
    writeFileSync(statePaths(dir).enrolment, JSON.stringify({ deviceId: 'dev-1' }));
    expect(() => readEnrolment(dir)).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED', message: expect.stringMatching(/missing fields/) }));
  });

  it('reports a state folder that cannot be created as STATE_DIR_UNUSABLE', () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => writeEnrolment(path.join(file, 'state'), enrolment)).toThrow(expect.objectContaining({ code: 'STATE_DIR_UNUSABLE' }));
  });

  it('round-trips status.json and returns null when there is none', () => {
    const dir = tempDir();
    expect(readStatus(dir)).toBeNull();
    const status = { connected: true, lastAckAtMs: 5, lastAckSeq: 9, outboxDepth: 2, lastError: null, updatedAtMs: 6, pid: 1 };
    writeStatus(dir, status);
    expect(readStatus(dir)).toEqual(status);
    expect(JSON.parse(readFileSync(statePaths(dir).status, 'utf8'))).toEqual(status);
  });

  it('uses each platform\'s usual state folder', () => {
    expect(defaultStateDir('linux')).toBe('/var/lib/invigilator-agent');
    expect(defaultStateDir('macos')).toBe('/Library/Application Support/Invigilator');
    expect(defaultStateDir('windows', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Invigilator');
  });
});
