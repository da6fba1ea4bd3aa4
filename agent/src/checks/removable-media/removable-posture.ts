// What every platform reports about removable storage: blocked, read-only, and how.
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';

export type RemovablePosture = Required<Pick<invigilator.v1.IRemovableMediaFacts, 'storageBlocked' | 'writeBlocked' | 'mechanism' | 'postureProblem'>>;
