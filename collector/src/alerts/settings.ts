// Each school's alert settings, with the defaults a school that never set them gets.
import type { SchoolAlertSettings } from '../store/delivery-types.ts';
import type { StoreOps } from '../store/types.ts';

export const DEFAULT_ALERT_SETTINGS = { escalateAfterMinutes: 15, floodLimit: 10, floodWindowMinutes: 10 } as const;

export const alertSettingsFor = async (tx: Pick<StoreOps, 'getSchoolAlertSettings'>, schoolId: string): Promise<SchoolAlertSettings> =>
  (await tx.getSchoolAlertSettings(schoolId)) ?? { schoolId, ...DEFAULT_ALERT_SETTINGS };
