import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS } from '../../src/agent-config.ts';
import { DEFAULT_POLICY_PACK } from '../../src/policy/default-pack.ts';

describe('DEFAULT_POLICY_PACK', () => {
  it('carries what the common school e-safety policy asks', () => {
    expect(DEFAULT_POLICY_PACK.checks).toEqual({
      encryption: { required: true, clause: 'device-encryption' },
      antivirus: { required: true, maxSignatureAgeHours: 72, maxSignatureAgeHoursByProduct: { XProtect: 192 }, requireRealtimeProtection: true, chromeosMaxVersionsBehind: 6, clause: 'anti-virus' },
      firewall: { required: true, requireAllProfiles: true, clause: 'firewall' },
      passwordPolicy: { minLength: 8, maxLength: 64, minCharacterClasses: 3, maxAgeDays: null, requireDenyList: true, denyListInDirectory: false, clause: 'passwords' },
      removableMedia: { banned: true, readOnlyIsEnough: false, alertOnFileWrites: true, hashFileNames: false, clause: 'removable-media' },
      screenLock: { required: true, maxIdleMinutes: 15, requirePasswordOnWake: true, clause: 'screen-lock' },
    });
    expect(DEFAULT_POLICY_PACK.availability.silentAfterHours).toBe(72);
  });

  it('keeps device reports a term and a half, misuse and resolved alerts a school year, the audit log two years', () => {
    expect(DEFAULT_POLICY_PACK.retention).toEqual({ observationDays: 90, misuseDays: 365, resolvedAlertDays: 365, auditDays: 730 });
  });

  it('schedules checks as the agent does before it hears from the collector', () => {
    expect(DEFAULT_POLICY_PACK.agent.checkSchedules).toEqual(DEFAULT_AGENT_SETTINGS.checkSchedules);
    expect(DEFAULT_POLICY_PACK.agent.heartbeatSeconds).toBe(DEFAULT_AGENT_SETTINGS.heartbeatSeconds);
  });

  it('quotes the predictable words the policies forbid', () => {
    for (const word of ['Password', 'Pa55word', 'Password123', 'Qwerty', '123456', '12345678', 'ABC123']) {
      expect(DEFAULT_POLICY_PACK.clauses.passwords).toContain(word);
    }
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(DEFAULT_POLICY_PACK.checks.passwordPolicy)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY_PACK.clauses)).toBe(true);
  });
});

describe('docs/policy.md', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/policy.md'), 'utf8');
  const settingNames = (value: unknown, skip: ReadonlySet<string>): string[] =>
    typeof value !== 'object' || value === null || Array.isArray(value) ? []
      : Object.entries(value).flatMap(([key, child]) => skip.has(key) ? [key] : [key, ...settingNames(child, skip)]);

  // `checks` itself is only a grouping: its checks each have a heading.
  it.each(settingNames(DEFAULT_POLICY_PACK, new Set(['clauses', 'checkSchedules'])).filter((name) => name !== 'checks'))('explains the field %s', (name) => {
    expect(doc).toMatch(new RegExp(`^(###.*|\\|) \`(checks\\.)?${name}\``, 'm'));
  });
});
