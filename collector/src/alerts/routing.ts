// Which people and channels an alert goes to: the school's own routes, or the defaults that need no
// setting. A role gets only the form of a category it may see: misuse in full to safeguarding leads
// alone, a notice without its detail to the network manager and administrators (an escalation too),
// nothing to technicians; posture and availability to those who look after devices; governors get
// reports, never alerts.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { ChannelRow, RouteRow } from '../store/delivery-types.ts';
import type { AlertCategory, Person, Role, StoreOps } from '../store/types.ts';
import { severityRank } from './lifecycle.ts';

export type MessageForm = 'full' | 'count';

const FORMS: Record<AlertCategory, Partial<Record<Role, MessageForm>>> = {
  misuse: { dsl: 'full', admin: 'count', 'network-manager': 'count' },
  posture: { technician: 'full', 'network-manager': 'full', admin: 'full' },
  availability: { technician: 'full', 'network-manager': 'full', admin: 'full' },
};

/** What a role may be told of an alert of this category; undefined: nothing at all. */
export const formFor = (role: Role, category: AlertCategory): MessageForm | undefined => FORMS[category][role];

/** The fullest form any of the roles may see of the category: never more than one of them may. */
export const formForRoles = (roles: readonly Role[], category: AlertCategory): MessageForm | undefined => {
  const forms = roles.map((role) => formFor(role, category));
  return forms.includes('full') ? 'full' : forms.includes('count') ? 'count' : undefined;
};

export type RouteRule = Pick<RouteRow, 'category' | 'role' | 'minSeverity' | 'step'>;

export const DEFAULT_ROUTES: readonly RouteRule[] = [
  { category: 'misuse', role: 'dsl', minSeverity: 'info', step: 1 },
  { category: 'misuse', role: 'network-manager', minSeverity: 'info', step: 1 },
  { category: 'misuse', role: 'admin', minSeverity: 'critical', step: 2 },
  { category: 'posture', role: 'technician', minSeverity: 'warning', step: 1 },
  { category: 'posture', role: 'network-manager', minSeverity: 'warning', step: 1 },
  { category: 'availability', role: 'technician', minSeverity: 'warning', step: 1 },
  { category: 'availability', role: 'network-manager', minSeverity: 'warning', step: 1 },
];

/** Refuses a route that would tell a role what it may not see. */
export const assertRouteAllowed = (rule: Pick<RouteRule, 'role' | 'category'>): void => {
  if (!formFor(rule.role, rule.category)) {
    throw new InvigilatorError('ROUTE_NOT_ALLOWED', `A ${rule.role} may not receive ${rule.category} alerts.`);
  }
};

/** The school's routes for the category, or the defaults when the school set none for it. */
export const routesFor = async (tx: Pick<StoreOps, 'listRoutes'>, schoolId: string, category: AlertCategory): Promise<RouteRule[]> => {
  const own = (await tx.listRoutes(schoolId)).filter((route) => route.category === category);
  return own.length > 0 ? own : DEFAULT_ROUTES.filter((route) => route.category === category);
};

export interface Recipient {
  channel: ChannelRow;
  /** The person an email goes to; null for a shared channel. */
  person: Person | null;
  /** An email address, or the shared channel's id. */
  address: string;
  role: Role;
  form: MessageForm;
}

const FORM_ORDER: MessageForm[] = ['count', 'full'];

/**
 * Everyone this alert goes to at this step, once each: a person with two routed roles gets the fuller
 * form of the two (never more than one of their roles may see). Only enabled people and channels.
 */
export const recipientsFor = async (
  tx: Pick<StoreOps, 'listRoutes' | 'listChannels' | 'listPeople'>,
  alert: { schoolId: string; category: AlertCategory; severity: string }, step: 1 | 2,
  rules?: readonly RouteRule[],
): Promise<Recipient[]> => {
  const routes = (rules ?? await routesFor(tx, alert.schoolId, alert.category))
    .filter((route) => route.step === step && severityRank(alert.severity) >= severityRank(route.minSeverity));
  if (routes.length === 0) return [];
  const channels = (await tx.listChannels({ schoolId: alert.schoolId })).filter((channel) => channel.disabledAt === null);
  const chosen = new Map<string, Recipient>();
  const offer = (recipient: Recipient): void => {
    const key = `${recipient.channel.id}\n${recipient.address}`;
    const held = chosen.get(key);
    if (!held || FORM_ORDER.indexOf(recipient.form) > FORM_ORDER.indexOf(held.form)) chosen.set(key, recipient);
  };
  for (const route of routes) {
    const form = formFor(route.role, alert.category);
    if (!form) continue;
    const emailChannels = channels.filter((channel) => channel.kind === 'email');
    const people = emailChannels.length > 0 ? await tx.listPeople({ schoolId: alert.schoolId, role: route.role }) : [];
    for (const channel of emailChannels) {
      for (const person of people) offer({ channel, person, address: person.email, role: route.role, form });
    }
    for (const channel of channels.filter((c) => c.kind !== 'email' && c.audience === route.role)) {
      offer({ channel, person: null, address: channel.id, role: route.role, form });
    }
  }
  return [...chosen.values()];
};
