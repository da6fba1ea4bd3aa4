import { describe, expect, it } from 'vitest';
import { parseVolumeChangeLine } from '../../../src/watchers/removable-media/parse-volume-change-line.ts';

// Lines as the watcher's PowerShell writes them (ConvertTo-Json -Compress of a hashtable; key order varies).
describe('parseVolumeChangeLine', () => {
  it.each([
    ['{"eventType":2,"driveName":"E:","time":"2025-01-31T09:12:03.1234567Z"}', { kind: 'arrival', drive: 'E:', timeMs: Date.UTC(2025, 0, 31, 9, 12, 3, 123) }],
    ['{"time":"2025-01-31T09:15:00.0000000Z","driveName":"e:","eventType":3}', { kind: 'removal', drive: 'E:', timeMs: Date.UTC(2025, 0, 31, 9, 15) }],
    ['{"driveName":"F:","eventType":2,"time":"\\/Date(1738314723000)\\/"}', { kind: 'arrival', drive: 'F:', timeMs: 1738314723000 }],
    ['{"eventType":1,"driveName":"","time":"2025-01-31T09:12:03Z"}', { kind: 'ignored', eventType: 1 }],
  ])('reads %s', (line, expected) => {
    expect(parseVolumeChangeLine(line)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['{"eventType":2,"driveName":"E:"', 'OUTPUT_TRUNCATED'],
    ['Register-CimIndicationEvent : Access denied', 'OUTPUT_MALFORMED'],
    ['[2]', 'OUTPUT_UNRECOGNISED'],
    ['{"eventType":7,"driveName":"E:"}', 'OUTPUT_UNRECOGNISED'],
    ['{"eventType":2,"driveName":"\\\\\\\\?\\\\Volume{1}\\\\"}', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (line, code) => {
    const result = parseVolumeChangeLine(line);
    expect(!result.ok && result.code).toBe(code);
  });
});
