import type { invigilator } from '@invigilator/shared/generated/invigilator.js';

export type PasswordPolicyFacts = invigilator.v1.IPasswordPolicyFacts;
