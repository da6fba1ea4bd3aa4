// Channels, routes, school alert settings and the notification outbox on PostgreSQL.
import type { ChannelRow, DeliveryOps, DigestSubscription, NotificationRow, RouteRow, SchoolAlertSettings } from './delivery-types.ts';
import { selectList, type PgQueries, type PgRow } from './pg-queries.ts';

const CHANNEL_COLUMNS = selectList('id school_id kind settings secret audience created_at disabled_at');
const ROUTE_COLUMNS = selectList('id school_id category role min_severity step created_at');
const NOTIFICATION_FIELDS = `id school_id alert_id channel_id person_id recipient reason category about status attempts
  next_attempt_at last_error created_at sent_at claimed_by claim_until`;
const NOTIFICATION_COLUMNS = selectList(NOTIFICATION_FIELDS);
const NOTIFICATION_COLUMNS_OF_N = selectList(NOTIFICATION_FIELDS, 'n.');
/** Due and unclaimed, or claimed by a sender whose lease ran out. */
const CLAIMABLE = `((status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND claim_until < $1))`;

const parse = (text: unknown): Record<string, unknown> => JSON.parse(String(text)) as Record<string, unknown>;
const toChannel = (row: PgRow): ChannelRow => ({ ...(row as unknown as ChannelRow), settings: parse(row.settings), secret: parse(row.secret) });
const toNotification = (row: PgRow): NotificationRow => row as unknown as NotificationRow;

export const createPgDeliveryOps = ({ one, all, run }: PgQueries): DeliveryOps => ({
  async createChannel(c) {
    await run(`INSERT INTO channels (id, school_id, kind, settings, secret, audience, created_at, disabled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      c.id, c.schoolId, c.kind, JSON.stringify(c.settings), JSON.stringify(c.secret), c.audience, c.createdAt, c.disabledAt);
  },
  async getChannel(id) {
    const row = await one(`SELECT ${CHANNEL_COLUMNS} FROM channels WHERE id = $1`, id);
    return row && toChannel(row);
  },
  async listChannels({ schoolId }) {
    return (await all(`SELECT ${CHANNEL_COLUMNS} FROM channels WHERE ($1::text IS NULL OR school_id = $1) ORDER BY school_id, created_at, id`,
      schoolId ?? null)).map(toChannel);
  },
  async disableChannel(id, at) {
    return await run('UPDATE channels SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL', at, id) === 1;
  },

  async createRoute(r) {
    await run(`INSERT INTO routes (id, school_id, category, role, min_severity, step, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      r.id, r.schoolId, r.category, r.role, r.minSeverity, r.step, r.createdAt);
  },
  async listRoutes(schoolId) {
    return await all(`SELECT ${ROUTE_COLUMNS} FROM routes WHERE school_id = $1 ORDER BY category, step, role`, schoolId) as unknown as RouteRow[];
  },
  async deleteRoute(id) {
    return await run('DELETE FROM routes WHERE id = $1', id) === 1;
  },

  async getSchoolAlertSettings(schoolId) {
    return await one(`SELECT ${selectList('school_id escalate_after_minutes flood_limit flood_window_minutes')}
      FROM school_alert_settings WHERE school_id = $1`, schoolId) as SchoolAlertSettings | undefined;
  },
  async putSchoolAlertSettings(s) {
    await run(`INSERT INTO school_alert_settings (school_id, escalate_after_minutes, flood_limit, flood_window_minutes) VALUES ($1, $2, $3, $4)
      ON CONFLICT (school_id) DO UPDATE SET escalate_after_minutes = excluded.escalate_after_minutes,
        flood_limit = excluded.flood_limit, flood_window_minutes = excluded.flood_window_minutes`,
    s.schoolId, s.escalateAfterMinutes, s.floodLimit, s.floodWindowMinutes);
  },

  async enqueueNotification(n: NotificationRow) {
    await run(`INSERT INTO notifications (id, school_id, alert_id, channel_id, person_id, recipient, reason, category, about, status, attempts,
        next_attempt_at, last_error, created_at, sent_at, claimed_by, claim_until)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    n.id, n.schoolId, n.alertId, n.channelId, n.personId, n.recipient, n.reason, n.category, n.about, n.status, n.attempts,
    n.nextAttemptAt, n.lastError, n.createdAt, n.sentAt, n.claimedBy, n.claimUntil);
  },
  async claimDueNotifications({ claimant, now, leaseMs, limit }) {
    // The rows are chosen once, in a CTE (a subquery under IN may be scanned again and take more than `limit`),
    // and locked with SKIP LOCKED: two collectors claiming at once take different notifications instead of
    // waiting for each other.
    return (await all(`WITH due AS (SELECT id FROM notifications WHERE ${CLAIMABLE}
        ORDER BY next_attempt_at, created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
      UPDATE notifications n SET status = 'sending', attempts = n.attempts + 1, claimed_by = $3, claim_until = $1 + $4
      FROM due WHERE n.id = due.id
      RETURNING ${NOTIFICATION_COLUMNS_OF_N}`, now, limit, claimant, leaseMs)).map(toNotification)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  },
  async renewNotificationClaims(claimant, until) {
    return run(`UPDATE notifications SET claim_until = $1 WHERE claimed_by = $2 AND status = 'sending'`, until, claimant);
  },
  async releaseNotificationClaims(claimant, now) {
    return run(`UPDATE notifications SET status = 'pending', next_attempt_at = $1, claimed_by = NULL, claim_until = NULL
      WHERE claimed_by = $2 AND status = 'sending'`, now, claimant);
  },
  async markNotificationSent(id, claimant, at) {
    return await run(`UPDATE notifications SET status = 'sent', sent_at = $1, last_error = NULL, claimed_by = NULL, claim_until = NULL
      WHERE id = $2 AND claimed_by = $3 AND status = 'sending'`, at, id, claimant) === 1;
  },
  async markNotificationFailed(id, claimant, error, nextAttemptAt) {
    return await run(`UPDATE notifications SET status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'pending' END, last_error = $2,
        next_attempt_at = coalesce($3::bigint, next_attempt_at), claimed_by = NULL, claim_until = NULL
      WHERE id = $1 AND claimed_by = $4 AND status = 'sending'`, id, error, nextAttemptAt, claimant) === 1;
  },
  async getNotification(id) {
    const row = await one(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE id = $1`, id);
    return row && toNotification(row);
  },
  async listNotifications({ schoolId, schoolIds, statuses, before, limit }) {
    if (statuses?.length === 0 || schoolIds?.length === 0) return [];
    return (await all(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications
      WHERE ($1::text IS NULL OR school_id = $1) AND ($2::text[] IS NULL OR school_id = ANY($2::text[]))
        AND ($3::text[] IS NULL OR status = ANY($3::text[]))
        AND ($4::bigint IS NULL OR created_at < $4 OR (created_at = $4 AND id < $5))
      ORDER BY created_at DESC, id DESC LIMIT $6`,
    schoolId ?? null, schoolIds ?? null, statuses ?? null, before?.createdAt ?? null, before?.id ?? null, limit)).map(toNotification);
  },
  async setDigestSubscription(personId, subscription) {
    if (subscription === null) {
      await run('DELETE FROM digest_subscriptions WHERE person_id = $1', personId);
      return;
    }
    await run(`INSERT INTO digest_subscriptions (person_id, at_time, time_zone) VALUES ($1, $2, $3)
      ON CONFLICT (person_id) DO UPDATE SET at_time = excluded.at_time, time_zone = excluded.time_zone`,
    personId, subscription.atTime, subscription.timeZone);
  },
  async listDigestSubscriptions() {
    return await all(`SELECT ${selectList('person_id at_time time_zone last_sent_on')} FROM digest_subscriptions ORDER BY person_id`) as
      unknown as DigestSubscription[];
  },
  async markDigestSent(personId, localDate) {
    return await run(`UPDATE digest_subscriptions SET last_sent_on = $1 WHERE person_id = $2 AND (last_sent_on IS NULL OR last_sent_on <> $1)`,
      localDate, personId) === 1;
  },
  async deleteNotificationsBefore(schoolId, before) {
    return run(`DELETE FROM notifications WHERE school_id = $1 AND created_at < $2 AND status IN ('sent', 'failed')`, schoolId, before);
  },
});
