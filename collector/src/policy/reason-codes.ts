// Reason codes a verdict carries (docs/policy.md lists them for technicians).
// A verdict that is `unknown` because the agent could not collect keeps the
// agent's own code from shared/src/errors.ts instead.
export const VERDICT_REASON_CODES = {
  NOT_REQUIRED: 'The school\'s policy does not require this check.',
  NOT_APPLICABLE: 'The agent found that the check does not apply to this device.',
  NOT_COLLECTED: 'The agent could not collect the facts (and gave no code).',
  STATUS_UNSPECIFIED: 'The observation carries no collection status.',
  FACTS_MISSING: 'The observation says it was collected but carries no facts for its check.',

  ENCRYPTION_ON: 'Every system, home and fixed data volume is encrypted.',
  ENCRYPTION_OFF: 'A volume is not encrypted.',
  ENCRYPTION_PROTECTION_OFF: 'A volume is encrypted but its key protection is off (e.g. BitLocker suspended).',
  ENCRYPTION_STATE_UNKNOWN: 'Whether a volume is encrypted was not reported.',
  NO_VOLUMES: 'No system, home or fixed data volume was reported.',

  ANTIVIRUS_OK: 'An anti-virus product is on, with fresh signatures.',
  NO_ANTIVIRUS: 'No anti-virus product was found.',
  ANTIVIRUS_OFF: 'The anti-virus product is switched off.',
  REALTIME_OFF: 'Real-time protection is off.',
  SIGNATURES_STALE: 'Signatures are older than the school allows.',
  ANTIVIRUS_STATE_UNKNOWN: 'A fact the policy needs (real-time protection, signature age) was not reported.',

  FIREWALL_ON: 'The firewall is on and does not let all incoming connections in.',
  FIREWALL_OFF: 'The firewall is off.',
  FIREWALL_THIRD_PARTY: 'Another firewall, registered with Windows Security Center and reporting itself on, protects the device in place of Windows\' own.',
  FIREWALL_ALLOWS_INBOUND: 'The firewall lets every incoming connection in by default.',
  FIREWALL_PROFILE_OFF: 'A firewall profile (Domain, Private, Public) is off or lets everything in.',
  FIREWALL_STATE_UNKNOWN: 'Whether the firewall (or a profile) is on was not reported.',

  PASSWORD_POLICY_MET: 'The device\'s password rules meet the school\'s.',
  PASSWORD_POLICY_WEAK: 'A password rule on the device is weaker than the school\'s.',
  PASSWORD_POLICY_UNKNOWN: 'A password rule the policy needs was not reported.',

  REMOVABLE_MEDIA_ALLOWED: 'The school\'s policy allows removable media.',
  REMOVABLE_STORAGE_BLOCKED: 'Removable storage is blocked on the device.',
  REMOVABLE_STORAGE_READ_ONLY: 'Removable storage is read-only on the device, which the school accepts.',
  REMOVABLE_STORAGE_ALLOWED: 'Removable storage is not blocked on the device where the school bans it.',
  REMOVABLE_STORAGE_UNKNOWN: 'Whether removable storage is blocked was not reported.',

  SCREEN_LOCK_OK: 'The screen locks by itself soon enough and asks for a password.',
  SCREEN_LOCK_NEVER: 'The screen never locks by itself.',
  SCREEN_LOCK_TOO_LATE: 'The screen locks later than the school allows.',
  SCREEN_LOCK_NO_PASSWORD: 'Unlocking the screen does not ask for a password.',
  SCREEN_LOCK_UNKNOWN: 'The screen-lock wait or whether it asks for a password was not reported.',
} as const;

export type VerdictReasonCode = keyof typeof VERDICT_REASON_CODES;
