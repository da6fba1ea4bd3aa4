// Storage contract for enrolment guards: each school's caps, how many devices enrolled, who already
// carries a host name or hardware serial, and the flag on a device that may be impersonating another.
import type { Device } from './types.ts';

export interface EnrolmentLimits {
  /** Enrolments accepted in any 60 minutes. */
  perHour: number;
  /** Devices enrolled and not revoked. */
  total: number;
}

/** A school without limits of its own: enough for a large secondary school's first day, not for a script. */
export const DEFAULT_ENROLMENT_LIMITS: EnrolmentLimits = { perHour: 100, total: 3000 };

export interface EnrolmentCounts { since: number; sinceCount: number; total: number }

export interface EnrolmentOps {
  getEnrolmentLimits(schoolId: string): Promise<EnrolmentLimits>;
  setEnrolmentLimits(schoolId: string, limits: EnrolmentLimits): Promise<void>;
  /** Devices of the school enrolled at or after `since`, and all its devices not revoked. */
  countEnrolments(schoolId: string, since: number): Promise<EnrolmentCounts>;
  /** The school's devices, not revoked, with this host name (any case) or this hardware serial (when not empty), oldest first. */
  findDevicesByIdentity(schoolId: string, hostname: string, hardwareSerial: string): Promise<Device[]>;
  /** Flags a device as carrying the identity of an enrolled one. */
  flagDuplicate(id: string, duplicateOf: string, reason: string): Promise<void>;
  /** Whether the school holds new devices for an admin's approval before their events raise alerts. */
  getHoldNewDevices(schoolId: string): Promise<boolean>;
  setHoldNewDevices(schoolId: string, hold: boolean): Promise<void>;
  /** Ends a device's hold; true when one was held. */
  approveDevice(id: string): Promise<boolean>;
  /** Clears a device's duplicate flag (an admin confirmed it is genuine); true when one was cleared. */
  confirmDevice(id: string): Promise<boolean>;
}
