// Why each inbound firewall exception is permitted: recorded by a person against a rule the school's
// devices reported, every recording kept, the newest being the current reason.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { ExceptionReason } from '../store/report-types.ts';
import type { StoreOps } from '../store/types.ts';
import { describeRule, readFirewall, type InboundRule } from './firewall-facts.ts';

const DAY_MS = 86_400_000;
const MAX_REASON_LENGTH = 1000;
const RULE_KEY = /^r-[0-9a-f]{10}$/;

type ReasonStore = Pick<StoreOps, 'getSchool' | 'listDevices' | 'listEventsBetween' | 'appendExceptionReason' | 'listExceptionReasons'>;

export interface KnownException {
  rule: InboundRule;
  description: string;
  devices: number;
  lastSeen: number;
  reason: ExceptionReason | null;
  history: ExceptionReason[];
}

/** Every inbound allow rule the school's devices reported, in the observations still kept (retention bounds them). */
export const knownExceptions = async (store: ReasonStore, schoolId: string, now: number): Promise<KnownException[]> => {
  if (!(await store.getSchool(schoolId))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  const seen = new Map<string, { rule: InboundRule; devices: Set<string>; lastSeen: number }>();
  for (const device of await store.listDevices({ schoolId })) {
    const events = await store.listEventsBetween({
      deviceId: device.id, kind: 'observation', checkName: 'firewall', from: 0, to: now + DAY_MS,
    });
    for (const event of events) {
      for (const rule of readFirewall(event.payload, event.occurredAt).rules) {
        const entry = seen.get(rule.key) ?? { rule, devices: new Set<string>(), lastSeen: event.occurredAt };
        entry.devices.add(device.id);
        entry.lastSeen = Math.max(entry.lastSeen, event.occurredAt);
        seen.set(rule.key, entry);
      }
    }
  }
  const history = await store.listExceptionReasons(schoolId);
  return [...seen.values()].map(({ rule, devices, lastSeen }) => {
    const own = history.filter((r) => r.ruleKey === rule.key);
    return { rule, description: describeRule(rule), devices: devices.size, lastSeen, reason: own.at(-1) ?? null, history: own };
  }).sort((a, b) => b.devices - a.devices || a.rule.key.localeCompare(b.rule.key));
};

/** Records (or confirms: the same text again counts as this term's review) why a rule is permitted. */
export const recordExceptionReason = async (
  store: ReasonStore, input: { schoolId: string; ruleKey: string; reason: string; by: string }, now: number,
): Promise<{ recorded: ExceptionReason; rule: KnownException }> => {
  const reason = input.reason.trim();
  const by = input.by.trim();
  if (reason === '' || reason.length > MAX_REASON_LENGTH) {
    throw new InvigilatorError('CONFIG_INVALID', `The reason must be 1 to ${MAX_REASON_LENGTH} characters saying why the rule is needed.`);
  }
  if (by === '') throw new InvigilatorError('CONFIG_INVALID', 'Say who recorded the reason (an email address).');
  if (!RULE_KEY.test(input.ruleKey)) {
    throw new InvigilatorError('EXCEPTION_RULE_UNKNOWN', `"${input.ruleKey}" is not a rule key: keys look like r-3f9a0c12de.`);
  }
  const rule = (await knownExceptions(store, input.schoolId, now)).find((known) => known.rule.key === input.ruleKey);
  if (!rule) throw new InvigilatorError('EXCEPTION_RULE_UNKNOWN', `(${input.ruleKey} at school ${input.schoolId}).`);
  const recorded: ExceptionReason = { schoolId: input.schoolId, ruleKey: input.ruleKey, reason, recordedBy: by, recordedAt: now };
  await store.appendExceptionReason(recorded);
  return { recorded, rule };
};
