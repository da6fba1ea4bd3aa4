// What a school sets up for delivery — channels, routes, escalation and flood settings — checked before
// it is stored. Turning a channel or a route on while alerts are already open sends each new recipient
// one summary of what is failing now.
import { randomUUID } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { SEVERITIES } from '../alerts/lifecycle.ts';
import { assertRouteAllowed, DEFAULT_ROUTES, routesFor, type RouteRule } from '../alerts/routing.ts';
import { alertSettingsFor } from '../alerts/settings.ts';
import { CHANNEL_KINDS, type ChannelKind, type ChannelRow, type RouteRow, type SchoolAlertSettings } from '../store/delivery-types.ts';
import { ALERT_CATEGORIES, isRole, ROLES, type AlertCategory, type Role, type Store } from '../store/types.ts';
import { CHANNELS } from './channels/registry.ts';
import type { ChannelInput } from './channels/types.ts';
import { testMessage } from './message.ts';
import { notifyWhatIsFailing } from './outbox.ts';

/** Who reads a shared channel when nobody says: a webhook goes to the technicians' chat, syslog to the network manager's SIEM. */
const DEFAULT_AUDIENCE: Record<ChannelKind, Role | null> = { email: null, webhook: 'technician', syslog: 'network-manager' };
const SHARED_AUDIENCES: readonly Role[] = ['admin', 'network-manager', 'technician', 'dsl'];

const knownSchool = async (store: Store, schoolId: string) => {
  const school = await store.getSchool(schoolId);
  if (!school) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  return school;
};

export interface AddChannelInput extends ChannelInput { schoolId: string; kind: string; audience?: string }

export const addChannel = async (store: Store, input: AddChannelInput, now: number): Promise<{ channel: ChannelRow; summaries: number }> => {
  if (!(CHANNEL_KINDS as readonly string[]).includes(input.kind)) {
    throw new InvigilatorError('CONFIG_INVALID', `--kind is one of ${CHANNEL_KINDS.join(', ')} (it was "${input.kind}").`);
  }
  const kind = input.kind as ChannelKind;
  let audience = DEFAULT_AUDIENCE[kind];
  if (input.audience !== undefined) {
    if (kind === 'email') throw new InvigilatorError('CONFIG_INVALID', 'An email channel goes to each routed person at their own address; --audience is for webhook and syslog.');
    if (!isRole(input.audience) || !SHARED_AUDIENCES.includes(input.audience)) {
      throw new InvigilatorError('ROLE_UNKNOWN', `--audience is one of ${SHARED_AUDIENCES.join(', ')} (it was "${input.audience}").`);
    }
    audience = input.audience;
  }
  await knownSchool(store, input.schoolId);
  const config = CHANNELS[kind].configure(input);
  const channel: ChannelRow = { id: randomUUID(), schoolId: input.schoolId, kind, ...config, audience, createdAt: now, disabledAt: null };
  return store.transaction(async (tx) => {
    await tx.createChannel(channel);
    const summaries = await notifyWhatIsFailing(tx, channel.schoolId, (recipient) => recipient.channel.id === channel.id);
    return { channel, summaries };
  });
};

export const channelById = async (store: Pick<Store, 'getChannel'>, id: string): Promise<ChannelRow> => {
  const channel = await store.getChannel(id);
  if (!channel) throw new InvigilatorError('CHANNEL_UNKNOWN', `(${id})`);
  return channel;
};

/** Sends a test message now, outside the outbox, to the first routed person (email) or the channel; says what happened. */
export const testChannel = async (store: Store, id: string, now: number, to?: string): Promise<string> => {
  const channel = await channelById(store, id);
  const school = await knownSchool(store, channel.schoolId);
  let recipient = channel.id;
  if (channel.kind === 'email') {
    const person = to ? { email: to } : (await store.listPeople({ schoolId: channel.schoolId }))[0];
    if (!person) throw new InvigilatorError('CONFIG_INVALID', 'Nobody covers this school yet: add a person, or give --to ADDRESS.');
    recipient = person.email;
  }
  await CHANNELS[channel.kind].send(channel, { id: randomUUID(), recipient, message: testMessage({ id: school.id, name: school.name }, now), link: null });
  return `Sent a test message through ${CHANNELS[channel.kind].describe(channel)}${channel.kind === 'email' ? ` to ${recipient}` : ''}; the peer accepted it.`;
};

export const presentChannel = (channel: ChannelRow) => ({
  id: channel.id, schoolId: channel.schoolId, kind: channel.kind, audience: channel.audience,
  description: CHANNELS[channel.kind].describe(channel),
  createdAt: new Date(channel.createdAt).toISOString(), disabledAt: channel.disabledAt === null ? null : new Date(channel.disabledAt).toISOString(),
});

export interface AddRouteInput { schoolId: string; category: string; role: string; minSeverity?: string; step?: number }

const checkRoute = (input: AddRouteInput): RouteRule => {
  if (!(ALERT_CATEGORIES as readonly string[]).includes(input.category)) {
    throw new InvigilatorError('CONFIG_INVALID', `--category is one of ${ALERT_CATEGORIES.join(', ')} (it was "${input.category}").`);
  }
  if (!isRole(input.role)) throw new InvigilatorError('ROLE_UNKNOWN', `"${input.role}" is not one of ${ROLES.join(', ')}.`);
  const minSeverity = input.minSeverity ?? 'info';
  if (!(SEVERITIES as readonly string[]).includes(minSeverity)) {
    throw new InvigilatorError('CONFIG_INVALID', `--min-severity is one of ${SEVERITIES.join(', ')} (it was "${minSeverity}").`);
  }
  const step = input.step ?? 1;
  if (step !== 1 && step !== 2) throw new InvigilatorError('CONFIG_INVALID', '--step is 1 (when the alert opens) or 2 (when a critical one stays unacknowledged).');
  const rule = { category: input.category as AlertCategory, role: input.role, minSeverity, step: step as 1 | 2 };
  assertRouteAllowed(rule);
  return rule;
};

/**
 * Adds a route. The school's first route for a category replaces that category's defaults, so the
 * defaults are written out first: adding one route never silently drops the others.
 */
export const addRoute = async (store: Store, input: AddRouteInput, now: number): Promise<RouteRow> => {
  const rule = checkRoute(input);
  await knownSchool(store, input.schoolId);
  return store.transaction(async (tx) => {
    const before = await routesFor(tx, input.schoolId, rule.category);
    const own = (await tx.listRoutes(input.schoolId)).filter((route) => route.category === rule.category);
    const toWrite = own.length === 0 ? DEFAULT_ROUTES.filter((route) => route.category === rule.category) : [];
    for (const fallback of toWrite) await tx.createRoute({ id: randomUUID(), schoolId: input.schoolId, ...fallback, createdAt: now });
    const duplicate = [...own, ...toWrite].some((r) => r.role === rule.role && r.step === rule.step);
    const route: RouteRow = { id: randomUUID(), schoolId: input.schoolId, ...rule, createdAt: now };
    if (!duplicate) await tx.createRoute(route);
    // Only those this route newly reaches hear what is failing now.
    const reachedBefore = new Set(before.filter((r) => r.step === 1).map((r) => r.role));
    if (rule.step === 1 && !reachedBefore.has(rule.role)) {
      await notifyWhatIsFailing(tx, input.schoolId, (recipient) => recipient.role === rule.role, [rule]);
    }
    return route;
  });
};

export const removeRoute = async (store: Store, id: string): Promise<boolean> => store.deleteRoute(id);

export const listRoutesOf = async (store: Store, schoolId: string): Promise<Array<RouteRule & { id: string | null }>> => {
  const own = await store.listRoutes(schoolId);
  const categories = new Set(own.map((route) => route.category));
  return [
    ...own,
    ...DEFAULT_ROUTES.filter((route) => !categories.has(route.category)).map((route) => ({ ...route, id: null })),
  ];
};

const SETTING_BOUNDS = {
  escalateAfterMinutes: { option: '--escalate-after', max: 10_080, unit: 'minutes (a week)' },
  floodLimit: { option: '--flood-limit', max: 100_000, unit: 'alerts' },
  floodWindowMinutes: { option: '--flood-window', max: 10_080, unit: 'minutes (a week)' },
} as const;

export const setAlertSettings = async (
  store: Store, schoolId: string, changes: Partial<Omit<SchoolAlertSettings, 'schoolId'>>,
): Promise<SchoolAlertSettings> => {
  await knownSchool(store, schoolId);
  for (const [name, value] of Object.entries(changes)) {
    const bound = SETTING_BOUNDS[name as keyof typeof SETTING_BOUNDS];
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > bound.max)) {
      throw new InvigilatorError('CONFIG_INVALID', `${bound.option} is a whole number from 1 to ${bound.max} ${bound.unit} (it was ${String(value)}).`);
    }
  }
  return store.transaction(async (tx) => {
    const current = await alertSettingsFor(tx, schoolId);
    const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    await tx.putSchoolAlertSettings(next);
    return next;
  });
};
