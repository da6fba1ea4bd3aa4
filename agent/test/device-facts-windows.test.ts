import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { Platform } from '@invigilator/shared/wire.ts';
import { gatherDeviceFacts } from '../src/device-facts.ts';
import { parseWindowsDeviceFacts, WINDOWS_DEVICE_FACTS_SCRIPT } from '../src/device-facts-windows.ts';
import { cutShort } from './checks/windows-fixtures.ts';
import { captureLogger } from './helpers/capture-logger.ts';

// The script's one record as ConvertTo-Json prints it. Derived, not captured: the values are those a
// Windows 11 Education laptop reports through Win32_OperatingSystem, Win32_BIOS and Win32_ComputerSystem.
const record = { Caption: 'Microsoft Windows 11 Education', Version: '10.0.22631', SerialNumber: 'PF3ABCDE', Manufacturer: 'LENOVO', Model: '21BR001UUK' };

describe('Windows device facts', () => {
  it('asks for all of them in one script, through CIM, with no double quote', () => {
    for (const className of ['Win32_OperatingSystem', 'Win32_BIOS', 'Win32_ComputerSystem']) expect(WINDOWS_DEVICE_FACTS_SCRIPT).toContain(className);
    expect(WINDOWS_DEVICE_FACTS_SCRIPT).not.toContain('"');
  });

  it('reads the OS, the serial and the maker with the model', () => {
    expect(parseWindowsDeviceFacts(JSON.stringify(record))).toEqual({ ok: true, value: {
      osName: 'Microsoft Windows 11 Education', osVersion: '10.0.22631', hardwareSerial: 'PF3ABCDE', hardwareModel: 'LENOVO 21BR001UUK',
    } });
    const dell = parseWindowsDeviceFacts(JSON.stringify({ ...record, Manufacturer: 'Dell Inc.', Model: 'Dell Inc. Latitude 5420' }));
    expect(dell.ok && dell.value.hardwareModel).toBe('Dell Inc. Latitude 5420');
  });

  it.each(['To be filled by O.E.M.', 'Default string', '0', 'System Serial Number', ''])('drops the firmware placeholder serial %j', (serial) => {
    const result = parseWindowsDeviceFacts(JSON.stringify({ ...record, SerialNumber: serial }));
    expect(result.ok && result.value.hardwareSerial).toBe('');
  });

  it.each([
    ['cut short', cutShort(JSON.stringify(record), 0.5), 'OUTPUT_TRUNCATED'],
    ['no operating system name', JSON.stringify({ ...record, Caption: '' }), 'OUTPUT_UNRECOGNISED'],
    ['two records', JSON.stringify([record, record]), 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason when %s', (_name, text, code) => {
    expect(parseWindowsDeviceFacts(text)).toMatchObject({ ok: false, code });
  });

  it('falls back to Node\'s own names, with a coded warning, when PowerShell cannot run (as here, on Linux)', async () => {
    const capture = captureLogger();
    const facts = await gatherDeviceFacts('windows', capture.logger);
    expect(facts).toMatchObject({ hostname: os.hostname(), platform: Platform.PLATFORM_WINDOWS, osName: os.type(), hardwareSerial: '' });
    expect(capture.lines().some((line) => line.code === 'COMMAND_NOT_FOUND' && /device facts could not be read/.test(String(line.msg)))).toBe(true);
  });
});
