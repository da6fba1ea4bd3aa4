// Rights: the roles someone holds and the schools they hold them for. A person's token, and every
// request a signed-in person makes, carries at most that person's current rights.
import type { Role } from '../store/types.ts';

export interface Rights {
  roles: readonly Role[];
  /** 'all' for every school of the collector. */
  schools: readonly string[] | 'all';
}

/** What both grant: the roles in both, the schools in both. */
export const intersectRights = (a: Rights, b: Rights): { roles: Role[]; schools: string[] | 'all' } => ({
  roles: a.roles.filter((role) => b.roles.includes(role)),
  schools: a.schools === 'all' ? (b.schools === 'all' ? 'all' : [...b.schools])
    : a.schools.filter((school) => b.schools === 'all' || b.schools.includes(school)),
});

/** True when every school `inner` reaches, `outer` reaches too. */
export const schoolsWithin = (inner: Rights['schools'], outer: Rights['schools']): boolean =>
  outer === 'all' || (inner !== 'all' && inner.every((school) => outer.includes(school)));

export const describeSchools = (schools: Rights['schools']): string => (schools === 'all' ? 'all schools' : schools.join(','));
