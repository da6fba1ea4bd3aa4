// A school's (or trust's) policy pack: every threshold the collector judges
// against, each tied to the clause of the school's policy it enforces.
import type { CheckName } from '../checks.ts';

export interface PolicyClause { id: string; text: string }

export interface PolicyPack {
  /** "default", or a school/trust pack id. */
  id: string;
  /** Pack authors bump this; agents are told `${id}@${version}`. */
  version: string;
  name: string;
  /** Clause id -> the school's own words. */
  clauses: Record<string, string>;
  checks: {
    encryption: { required: boolean; clause: string };
    antivirus: {
      required: boolean;
      maxSignatureAgeHours: number;
      /**
       * Product name (as the agent reports it, e.g. "XProtect") -> its own limit in hours, for
       * products that update on a slower rhythm than the rest; others use maxSignatureAgeHours.
       */
      maxSignatureAgeHoursByProduct: Record<string, number>;
      requireRealtimeProtection: boolean;
      /**
       * Chromebooks have no anti-virus: their protection is ChromeOS's updates. One more than this many major
       * versions behind Google's stable channel is "not up to date".
       */
      chromeosMaxVersionsBehind: number;
      clause: string;
    };
    firewall: { required: boolean; requireAllProfiles: boolean; clause: string };
    passwordPolicy: {
      minLength: number;
      /** The longest password the school allows: a device must accept passwords at least this long. */
      maxLength: number | null;
      minCharacterClasses: number;
      /** null = no forced expiry required (NCSC advice). */
      maxAgeDays: number | null;
      requireDenyList: boolean;
      /**
       * The school's directory (Microsoft Entra ID Password Protection, a password filter on the domain
       * controllers) refuses predictable passwords: accepted where the device itself cannot see a deny list.
       */
      denyListInDirectory: boolean;
      clause: string;
    };
    removableMedia: {
      banned: boolean;
      /** A device where removable storage is read-only (nothing can be copied to it) meets the ban. */
      readOnlyIsEnough: boolean;
      alertOnFileWrites: boolean;
      hashFileNames: boolean;
      clause: string;
    };
    screenLock: { required: boolean; maxIdleMinutes: number; requirePasswordOnWake: boolean; clause: string };
  };
  /**
   * Misuse the agents watch for as it happens. `clause` is quoted by safeguard and bypass alerts;
   * downloads and public Wi-Fi may quote their own clause.
   */
  misuse: {
    clause: string;
    safeguards: { enabled: boolean };
    /**
     * Filter-bypass tools by name, and proxy or DNS-over-HTTPS settings; `schoolAddresses` are the school's own
     * proxies, automatic-configuration (PAC) addresses and DNS-over-HTTPS servers, which are not misuse.
     */
    bypassTools: { enabled: boolean; names: string[]; approved: string[]; schoolAddresses: string[] };
    downloads: { enabled: boolean; extensions: string[]; clause: string };
    publicWifi: { enabled: boolean; schoolNetworks: string[]; clause: string };
  };
  agent: {
    /** node-cron expressions. */
    checkSchedules: Record<CheckName, string>;
    removableMountRoots: string[];
    heartbeatSeconds: number;
  };
  availability: { silentAfterHours: number; clause: string };
  /** How long the collector keeps each kind of record, in whole days; older ones are deleted. */
  retention: { observationDays: number; misuseDays: number; resolvedAlertDays: number; auditDays: number };
}

/** The pack key of each check (check names are kebab-case, pack keys camelCase). */
export const PACK_KEY_OF_CHECK = {
  encryption: 'encryption',
  antivirus: 'antivirus',
  firewall: 'firewall',
  'password-policy': 'passwordPolicy',
  'removable-media': 'removableMedia',
  'screen-lock': 'screenLock',
} as const satisfies Record<CheckName, keyof PolicyPack['checks']>;

/** The clause a check enforces, with the school's words. */
export const clauseForCheck = (pack: PolicyPack, check: CheckName): PolicyClause => {
  const id = pack.checks[PACK_KEY_OF_CHECK[check]].clause;
  return { id, text: pack.clauses[id] ?? '' };
};

export const clauseById = (pack: PolicyPack, id: string): PolicyClause => ({ id, text: pack.clauses[id] ?? '' });
