import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { Platform } from '@invigilator/shared/wire.ts';
import { AGENT_VERSION } from '../src/agent-version.ts';
import { gatherDeviceFacts } from '../src/device-facts.ts';
import { captureLogger } from './helpers/capture-logger.ts';

describe('device facts', () => {
  it('names this device from the system, with the agent version', async () => {
    const facts = await gatherDeviceFacts('linux', captureLogger().logger);
    expect(facts).toMatchObject({ hostname: os.hostname(), platform: Platform.PLATFORM_LINUX, agentVersion: AGENT_VERSION });
    expect(facts.osName).not.toBe('');
    expect(facts.hardwareSerial).not.toBe('-');
  });

  it('returns partial facts instead of waiting when the system queries are slow', async () => {
    const capture = captureLogger();
    const started = Date.now();
    const facts = await gatherDeviceFacts('macos', capture.logger, 0);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(facts).toMatchObject({ hostname: os.hostname(), platform: Platform.PLATFORM_MACOS, osName: os.type(), osVersion: os.release() });
    expect(capture.lines().some((line) => /not available in time/.test(String(line.msg)))).toBe(true);
  });
});
