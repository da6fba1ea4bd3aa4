// Sending under a claim with a lease, as several collectors sharing a database do: a claim holds until its
// lease runs out unless renewed, only its holder settles it, a start-up puts back only its own, and one whose
// holder died is taken over. (The race of real processes claiming at once is in concurrency.test.ts.)
import { expect, it } from 'vitest';
import type { NotificationRow } from '../../../src/store/delivery-types.ts';
import { describeEachEngine } from './engines.ts';

const queued = (id: string, nextAttemptAt = 100): NotificationRow => ({
  id, schoolId: 'north', alertId: null, channelId: 'ch-1', personId: null, recipient: 'dsl@north.sch.uk', reason: 'summary',
  category: null, about: null, status: 'pending', attempts: 0, nextAttemptAt, lastError: null, createdAt: nextAttemptAt, sentAt: null,
  claimedBy: null, claimUntil: null,
});

describeEachEngine('notification claims', ['north'], (engine) => {
  const store = () => engine.store();
  const claim = (claimant: string, now: number, limit = 10) => store().claimDueNotifications({ claimant, now, leaseMs: 1000, limit });

  const withNotifications = async (...rows: NotificationRow[]): Promise<void> => {
    await store().createChannel({ id: 'ch-1', schoolId: 'north', kind: 'email', settings: {}, secret: {}, audience: null, createdAt: 1, disabledAt: null });
    for (const row of rows) await store().enqueueNotification(row);
  };

  it('takes only what is due, oldest first, up to the limit, and names the claimant and the lease', async () => {
    await withNotifications(queued('late', 300), queued('second', 120), queued('first', 110), queued('third', 130));
    const taken = await claim('collector-a', 200, 2);
    expect(taken.map((n) => [n.id, n.status, n.claimedBy, n.claimUntil, n.attempts])).toEqual([
      ['first', 'sending', 'collector-a', 1200, 1], ['second', 'sending', 'collector-a', 1200, 1],
    ]);
    expect((await claim('collector-a', 200)).map((n) => n.id)).toEqual(['third']);
    expect(await claim('collector-a', 200)).toEqual([]);
  });

  it('leaves a live claim alone: another claimant\'s start-up puts back only its own, and cannot settle the other\'s', async () => {
    await withNotifications(queued('mine'), queued('theirs', 101));
    await claim('collector-a', 200, 1);
    await claim('collector-b', 200, 1);
    // Collector b restarts while a sends: it puts back what it held, never a's.
    expect(await store().releaseNotificationClaims('collector-b', 300)).toBe(1);
    expect(await store().getNotification('mine')).toMatchObject({ status: 'sending', claimedBy: 'collector-a' });
    expect(await store().getNotification('theirs')).toMatchObject({ status: 'pending', claimedBy: null, claimUntil: null, nextAttemptAt: 300 });
    // Within a's lease nobody else takes it, and only a may say how it went.
    expect((await claim('collector-b', 1199)).map((n) => n.id)).toEqual(['theirs']);
    expect(await store().markNotificationSent('mine', 'collector-b', 1199)).toBe(false);
    expect(await store().markNotificationFailed('mine', 'collector-b', 'not mine', null)).toBe(false);
    expect(await store().getNotification('mine')).toMatchObject({ status: 'sending', claimedBy: 'collector-a', lastError: null });
    expect(await store().markNotificationSent('mine', 'collector-a', 1199)).toBe(true);
    expect(await store().getNotification('mine')).toMatchObject({ status: 'sent', sentAt: 1199, claimedBy: null, claimUntil: null });
  });

  it('renews a claim while a slow send runs; once its holder stops renewing, another takes it over and the first cannot settle it', async () => {
    await withNotifications(queued('slow'));
    await claim('collector-a', 200);
    expect(await store().renewNotificationClaims('collector-a', 2500)).toBe(1);
    expect(await store().renewNotificationClaims('collector-b', 9999)).toBe(0);
    expect(await claim('collector-b', 2000)).toEqual([]);
    // a died mid-send: its lease runs out and b takes the notification, counting another attempt.
    const taken = await claim('collector-b', 2501);
    expect(taken.map((n) => [n.id, n.claimedBy, n.claimUntil, n.attempts])).toEqual([['slow', 'collector-b', 3501, 2]]);
    expect(await store().renewNotificationClaims('collector-a', 9999)).toBe(0);
    expect(await store().markNotificationSent('slow', 'collector-a', 2600)).toBe(false);
    expect(await store().markNotificationFailed('slow', 'collector-b', 'relay down', 4000)).toBe(true);
    expect(await store().getNotification('slow')).toMatchObject({ status: 'pending', nextAttemptAt: 4000, lastError: 'relay down', claimedBy: null });
  });

  it('puts a claimant\'s unsent claims back at its stop, due at once, and gives up one for good on a failure with no retry', async () => {
    await withNotifications(queued('one'), queued('two', 101), queued('three', 102));
    await claim('collector-a', 200);
    expect(await store().markNotificationFailed('one', 'collector-a', 'The channel was removed.', null)).toBe(true);
    expect(await store().releaseNotificationClaims('collector-a', 500)).toBe(2);
    expect(await store().releaseNotificationClaims('collector-a', 500)).toBe(0);
    expect(await store().getNotification('one')).toMatchObject({ status: 'failed', lastError: 'The channel was removed.', claimedBy: null, nextAttemptAt: 100 });
    expect((await claim('collector-b', 500)).map((n) => [n.id, n.attempts])).toEqual([['two', 2], ['three', 2]]);
  });
});
