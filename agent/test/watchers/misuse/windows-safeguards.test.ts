// Windows safeguard events read from real captured event XML; the watched services'
// variants are the same captures with only the language-neutral service name changed.
import { describe, expect, it } from 'vitest';
import { Tri } from '@invigilator/shared/wire.ts';
import { safeguardDisabled } from '../../../src/watchers/misuse/misuse-events.ts';
import { parseEventXml, type WindowsEvent } from '../../../src/watchers/misuse/parse-event-xml.ts';
import { SAFEGUARD_EVENTS_SCRIPT, accountOf, safeguardChangeFrom } from '../../../src/watchers/misuse/windows-safeguards.ts';
import { windowsFixture } from '../../checks/windows-fixtures.ts';

const utf16Hex = (text: string): string => Buffer.from(`${text}\0`, 'utf16le').toString('hex').toUpperCase();
const eventFrom = (text: string): WindowsEvent => {
  const result = parseEventXml(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('parseEventXml', () => {
  it('reads a service-stopped event, with the service key name from <Binary>', () => {
    expect(eventFrom(windowsFixture('event-xml.1-7036-spooler-stopped.txt'))).toEqual({
      provider: 'Service Control Manager', eventId: 7036, channel: 'System', timeCreated: '2024-11-08T18:51:13.504187700Z',
      userSid: '', data: { param1: 'Print Spooler', param2: 'stopped' }, binary: 'Spooler/1',
    });
    expect(eventFrom(windowsFixture('event-xml.2-7036-eventlog-stopped.txt')).binary).toBe('EventLog/1');
  });

  it('reads the account from <Security UserID> and the event spread over several lines', () => {
    expect(eventFrom(windowsFixture('event-xml.3-7040-bits-start-type.txt'))).toMatchObject({
      eventId: 7040, userSid: 'S-1-5-18', data: { param1: 'Background Intelligent Transfer Service', param2: 'auto start', param3: 'demand start', param4: 'BITS' },
    });
  });

  it('reads double-quoted attributes', () => {
    expect(eventFrom(windowsFixture('event-xml.4-4950-firewall-setting.txt'))).toMatchObject({
      provider: 'Microsoft-Windows-Security-Auditing', eventId: 4950, channel: 'Security',
      data: { ProfileChanged: 'Domain', SettingType: 'Default Outbound Action', SettingValue: 'Block' },
    });
  });

  it('refuses what is not one event, with a coded reason', () => {
    expect(parseEventXml('Get-WinEvent : No events were found')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('safeguardChangeFrom', () => {
  it('ignores a service that is no safeguard, and settings that leave the firewall on', () => {
    expect(safeguardChangeFrom(eventFrom(windowsFixture('event-xml.1-7036-spooler-stopped.txt')))).toBeUndefined();
    expect(safeguardChangeFrom(eventFrom(windowsFixture('event-xml.3-7040-bits-start-type.txt')))).toBeUndefined();
    expect(safeguardChangeFrom(eventFrom(windowsFixture('event-xml.4-4950-firewall-setting.txt')))).toBeUndefined();
  });

  it('reports the firewall service stopped', () => {
    const text = windowsFixture('event-xml.1-7036-spooler-stopped.txt').replace(utf16Hex('Spooler/1'), utf16Hex('MpsSvc/1'));
    expect(safeguardChangeFrom(eventFrom(text))).toEqual({ safeguard: 'the Windows Defender Firewall service', seen: 'the service MpsSvc stopped' });
    const running = windowsFixture('event-xml.1-7036-spooler-stopped.txt').replace(utf16Hex('Spooler/1'), utf16Hex('MpsSvc/4'));
    expect(safeguardChangeFrom(eventFrom(running))).toBeUndefined();
  });

  it('reports Defender set not to start, by the system account as an administrator\'s change', () => {
    const text = windowsFixture('event-xml.3-7040-bits-start-type.txt')
      .replace('>BITS<', '>WinDefend<').replace("'param3'>demand start<", "'param3'>disabled<");
    const change = safeguardChangeFrom(eventFrom(text));
    expect(change).toEqual({
      safeguard: 'the Microsoft Defender Antivirus service', seen: 'the service WinDefend was set not to start (auto start to disabled)',
      changedBy: 'SYSTEM (the system account)', changedByAdministrator: true,
    });
    expect(safeguardDisabled({ ...change!, user: 'OAKFIELD\\pupil7' })).toMatchObject({
      changedByAdministrator: Tri.TRI_YES,
      detail: 'The Microsoft Defender Antivirus service was switched off by the administrator account SYSTEM (the system account): the service WinDefend was set not to start (auto start to disabled)',
    });
  });

  it('reports a firewall profile turned off', () => {
    const text = windowsFixture('event-xml.4-4950-firewall-setting.txt')
      .replace('>Default Outbound Action<', '>Enable Windows Defender Firewall<').replace('>Block<', '>No<').replace('>Domain<', '>Public<');
    expect(safeguardChangeFrom(eventFrom(text))).toMatchObject({ safeguard: 'the firewall\'s Public profile' });
  });

  it('names an ordinary account by its SID, without calling it an administrator', () => {
    expect(accountOf('S-1-5-21-3471133136-2963561160-3931775028-1001')).toEqual({ changedBy: 'S-1-5-21-3471133136-2963561160-3931775028-1001' });
    expect(accountOf('S-1-5-21-3471133136-2963561160-3931775028-500')).toMatchObject({ changedByAdministrator: true });
  });

  it('asks PowerShell with single quotes only (a double quote would be eaten on the command line)', () => {
    expect(SAFEGUARD_EVENTS_SCRIPT).not.toContain('"');
  });
});
