// Channels, routes, school alert settings and the notification outbox on SQLite.
import type { SQLInputValue } from 'node:sqlite';
import type { ChannelRow, DeliveryOps, DigestSubscription, NotificationRow, RouteRow, SchoolAlertSettings } from './delivery-types.ts';
import type { Row, Statements } from './sqlite-statements.ts';

const CHANNEL_COLUMNS = `id, school_id AS schoolId, kind, settings, secret, audience, created_at AS createdAt, disabled_at AS disabledAt`;
const ROUTE_COLUMNS = `id, school_id AS schoolId, category, role, min_severity AS minSeverity, step, created_at AS createdAt`;
const NOTIFICATION_COLUMNS = `id, school_id AS schoolId, alert_id AS alertId, channel_id AS channelId, person_id AS personId,
  recipient, reason, category, about, status, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  created_at AS createdAt, sent_at AS sentAt, claimed_by AS claimedBy, claim_until AS claimUntil`;

export const NOTIFICATIONS_DELETE = `DELETE FROM notifications WHERE school_id = ? AND created_at < ? AND status IN ('sent', 'failed')`;

const parse = (text: SQLInputValue | undefined): Record<string, unknown> => JSON.parse(String(text)) as Record<string, unknown>;
const toChannel = (row: Row): ChannelRow => ({ ...(row as unknown as ChannelRow), settings: parse(row.settings), secret: parse(row.secret) });
const toNotification = (row: Row): NotificationRow => row as unknown as NotificationRow;
/** Due and unclaimed, or claimed by a sender whose lease ran out. */
export const CLAIMABLE = `((status = 'pending' AND next_attempt_at <= ?1) OR (status = 'sending' AND claim_until < ?1))`;

export const createSqliteDeliveryOps = ({ one, all, run }: Statements): DeliveryOps => ({
  async createChannel(c) {
    run(`INSERT INTO channels (id, school_id, kind, settings, secret, audience, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      c.id, c.schoolId, c.kind, JSON.stringify(c.settings), JSON.stringify(c.secret), c.audience, c.createdAt, c.disabledAt);
  },
  async getChannel(id) {
    const row = one(`SELECT ${CHANNEL_COLUMNS} FROM channels WHERE id = ?`, id);
    return row && toChannel(row);
  },
  async listChannels({ schoolId }) {
    return all(`SELECT ${CHANNEL_COLUMNS} FROM channels WHERE (?1 IS NULL OR school_id = ?1) ORDER BY school_id, created_at, id`,
      schoolId ?? null).map(toChannel);
  },
  async disableChannel(id, at) {
    return run('UPDATE channels SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL', at, id) === 1;
  },

  async createRoute(r) {
    run(`INSERT INTO routes (id, school_id, category, role, min_severity, step, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      r.id, r.schoolId, r.category, r.role, r.minSeverity, r.step, r.createdAt);
  },
  async listRoutes(schoolId) {
    return all(`SELECT ${ROUTE_COLUMNS} FROM routes WHERE school_id = ? ORDER BY category, step, role`, schoolId) as unknown as RouteRow[];
  },
  async deleteRoute(id) {
    return run('DELETE FROM routes WHERE id = ?', id) === 1;
  },

  async getSchoolAlertSettings(schoolId) {
    return one(`SELECT school_id AS schoolId, escalate_after_minutes AS escalateAfterMinutes, flood_limit AS floodLimit,
      flood_window_minutes AS floodWindowMinutes FROM school_alert_settings WHERE school_id = ?`, schoolId) as SchoolAlertSettings | undefined;
  },
  async putSchoolAlertSettings(s) {
    run(`INSERT INTO school_alert_settings (school_id, escalate_after_minutes, flood_limit, flood_window_minutes) VALUES (?, ?, ?, ?)
      ON CONFLICT (school_id) DO UPDATE SET escalate_after_minutes = excluded.escalate_after_minutes,
        flood_limit = excluded.flood_limit, flood_window_minutes = excluded.flood_window_minutes`,
    s.schoolId, s.escalateAfterMinutes, s.floodLimit, s.floodWindowMinutes);
  },

  async enqueueNotification(n: NotificationRow) {
    run(`INSERT INTO notifications (id, school_id, alert_id, channel_id, person_id, recipient, reason, category, about, status, attempts,
        next_attempt_at, last_error, created_at, sent_at, claimed_by, claim_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    n.id, n.schoolId, n.alertId, n.channelId, n.personId, n.recipient, n.reason, n.category, n.about, n.status, n.attempts,
    n.nextAttemptAt, n.lastError, n.createdAt, n.sentAt, n.claimedBy, n.claimUntil);
  },
  async claimDueNotifications({ claimant, now, leaseMs, limit }) {
    // One statement, so one write transaction: a second process claiming waits for it and then finds these taken.
    return all(`UPDATE notifications SET status = 'sending', attempts = attempts + 1, claimed_by = ?3, claim_until = ?1 + ?4
      WHERE id IN (SELECT id FROM notifications WHERE ${CLAIMABLE} ORDER BY next_attempt_at, created_at, id LIMIT ?2)
        AND ${CLAIMABLE}
      RETURNING ${NOTIFICATION_COLUMNS}`, now, limit, claimant, leaseMs).map(toNotification)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  },
  async renewNotificationClaims(claimant, until) {
    return run(`UPDATE notifications SET claim_until = ? WHERE claimed_by = ? AND status = 'sending'`, until, claimant);
  },
  async releaseNotificationClaims(claimant, now) {
    return run(`UPDATE notifications SET status = 'pending', next_attempt_at = ?, claimed_by = NULL, claim_until = NULL
      WHERE claimed_by = ? AND status = 'sending'`, now, claimant);
  },
  async markNotificationSent(id, claimant, at) {
    return run(`UPDATE notifications SET status = 'sent', sent_at = ?, last_error = NULL, claimed_by = NULL, claim_until = NULL
      WHERE id = ? AND claimed_by = ? AND status = 'sending'`, at, id, claimant) === 1;
  },
  async markNotificationFailed(id, claimant, error, nextAttemptAt) {
    return run(`UPDATE notifications SET status = CASE WHEN ?3 IS NULL THEN 'failed' ELSE 'pending' END, last_error = ?2,
        next_attempt_at = coalesce(?3, next_attempt_at), claimed_by = NULL, claim_until = NULL
      WHERE id = ?1 AND claimed_by = ?4 AND status = 'sending'`, id, error, nextAttemptAt, claimant) === 1;
  },
  async getNotification(id) {
    const row = one(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE id = ?`, id);
    return row && toNotification(row);
  },
  async listNotifications({ schoolId, schoolIds, statuses, before, limit }) {
    if (statuses?.length === 0 || schoolIds?.length === 0) return [];
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    if (schoolId !== undefined) { where.push('school_id = ?'); params.push(schoolId); }
    if (schoolIds !== undefined) { where.push(`school_id IN (${schoolIds.map(() => '?').join(', ')})`); params.push(...schoolIds); }
    if (statuses) { where.push(`status IN (${statuses.map(() => '?').join(', ')})`); params.push(...statuses); }
    if (before) { where.push('(created_at < ? OR (created_at = ? AND id < ?))'); params.push(before.createdAt, before.createdAt, before.id); }
    return all(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, id DESC LIMIT ?`, ...params, limit).map(toNotification);
  },
  async setDigestSubscription(personId, subscription) {
    if (subscription === null) {
      run('DELETE FROM digest_subscriptions WHERE person_id = ?', personId);
      return;
    }
    run(`INSERT INTO digest_subscriptions (person_id, at_time, time_zone) VALUES (?, ?, ?)
      ON CONFLICT (person_id) DO UPDATE SET at_time = excluded.at_time, time_zone = excluded.time_zone`,
    personId, subscription.atTime, subscription.timeZone);
  },
  async listDigestSubscriptions() {
    return all(`SELECT person_id AS personId, at_time AS atTime, time_zone AS timeZone, last_sent_on AS lastSentOn
      FROM digest_subscriptions ORDER BY person_id`) as unknown as DigestSubscription[];
  },
  async markDigestSent(personId, localDate) {
    return run(`UPDATE digest_subscriptions SET last_sent_on = ? WHERE person_id = ? AND (last_sent_on IS NULL OR last_sent_on <> ?)`,
      localDate, personId, localDate) === 1;
  },
  async deleteNotificationsBefore(schoolId, before) {
    return run(NOTIFICATIONS_DELETE, schoolId, before);
  },
});
