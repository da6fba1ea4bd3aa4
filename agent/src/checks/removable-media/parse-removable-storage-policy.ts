// The agent's removable-storage report on Windows (registry values as text) → posture.
// Blocked: Group Policy "All Removable Storage classes: Deny all access" (Deny_All),
// "Removable Disks: Deny read access" (nothing on a stick can be used), or the USB
// storage driver disabled (USBSTOR Start = 4). Read-only: "Removable Disks: Deny write
// access" or StorageDevicePolicies WriteProtect = 1. Registry values are language-neutral.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psNumber, readPsRecords, type PsRecord } from '../windows-json.ts';
import type { RemovablePosture } from './removable-posture.ts';

const SECTIONS = ['AllClasses', 'RemovableDisks', 'CdDvd', 'UsbStor', 'StorageDevicePolicies'] as const;
const DRIVER_DISABLED = 4;

const isRecord = (value: unknown): value is PsRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

export const parseRemovableStoragePolicy = (text: string): Parsed<RemovablePosture> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const report = records.value.length === 1 ? records.value[0]! : undefined;
  const sections = SECTIONS.map((name) => (report ? field(report, name) : undefined));
  if (!sections.every(isRecord)) return notParsed('OUTPUT_UNRECOGNISED', `The removable-storage report does not hold ${SECTIONS.join(', ')}.`);
  const [all, disks, optical, usbStor, devicePolicies] = sections as PsRecord[];
  const on = (record: PsRecord, name: string): boolean => psNumber(field(record, name)) === 1;

  const cdNote = on(optical!, 'Deny_Read') ? '' : '; CD and DVD drives are not denied';
  const blockedBy = on(all!, 'Deny_All') ? 'Group Policy: all removable storage classes, deny all access'
    : on(disks!, 'Deny_Read') ? `Group Policy: removable disks, deny read access${cdNote}`
      : psNumber(field(usbStor!, 'Start')) === DRIVER_DISABLED ? `the USB storage driver (USBSTOR) is disabled${cdNote}` : undefined;
  const readOnlyBy = on(disks!, 'Deny_Write') ? 'Group Policy: removable disks, deny write access'
    : on(devicePolicies!, 'WriteProtect') ? 'StorageDevicePolicies WriteProtect' : undefined;
  return parsed({
    storageBlocked: blockedBy ? Tri.TRI_YES : Tri.TRI_NO,
    writeBlocked: blockedBy || readOnlyBy ? Tri.TRI_YES : Tri.TRI_NO,
    mechanism: blockedBy ?? (readOnlyBy ? `read-only: ${readOnlyBy}` : 'no Removable Storage Access policy denies removable disks, and the USB storage driver is enabled'),
    postureProblem: '',
  });
};
