// Storage contract for delivery: channels, routes, each school's alert settings and the notification
// outbox. Rows are written in the same transaction as the alert change that causes them.
import type { AlertCategory, JsonObject, Role } from './types.ts';

export const CHANNEL_KINDS = ['email', 'webhook', 'syslog'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface ChannelRow {
  id: string;
  schoolId: string;
  kind: ChannelKind;
  /** What may be shown: address without password, format, sender. */
  settings: JsonObject;
  /** Never shown nor logged: passwords, webhook addresses carrying a token, HMAC keys. */
  secret: JsonObject;
  /** Whose view a shared channel receives; null for email (each person gets their own). */
  audience: Role | null;
  createdAt: number;
  disabledAt: number | null;
}

export interface RouteRow {
  id: string;
  schoolId: string;
  category: AlertCategory;
  role: Role;
  minSeverity: string;
  /** 1: when the alert opens; 2: when a critical one stays unacknowledged. */
  step: 1 | 2;
  createdAt: number;
}

export interface SchoolAlertSettings {
  schoolId: string;
  escalateAfterMinutes: number;
  floodLimit: number;
  floodWindowMinutes: number;
}

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One queued or sent message: who it goes to, through which channel, about what, and how its delivery went.
 * It holds no text of the message: that is composed when it is sent, from the alert (and its events) as they
 * are then (notify/compose.ts), so a safeguarding detail is stored once, in its event.
 */
export interface NotificationRow {
  id: string;
  schoolId: string;
  /** The alert it tells of (opened, reopened, severity-raised, escalated); null for summaries, digests, reports. */
  alertId: string | null;
  channelId: string;
  personId: string | null;
  recipient: string;
  /** opened, reopened, severity-raised, escalated, summary, digest, reports-ready. */
  reason: string;
  /** The alert's category when it was queued, so the log can say what it was about once the alert is gone. */
  category: AlertCategory | null;
  /** What else names it: the term of "reports ready", the local date of a digest. */
  about: string | null;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  /** The collector sending it (status "sending"), and until when its claim holds unless renewed. */
  claimedBy: string | null;
  claimUntil: number | null;
}

/** One dispatcher's claim: who takes the notifications, when, and for how long before another may. */
export interface NotificationClaim { claimant: string; now: number; leaseMs: number; limit: number }

export interface NotificationQuery {
  schoolId?: string;
  /** Only these schools' notifications. */
  schoolIds?: readonly string[];
  statuses?: readonly NotificationStatus[];
  /** Only those created before this one (paging newest first). */
  before?: { createdAt: number; id: string };
  limit: number;
}

export interface DigestSubscription { personId: string; atTime: string; timeZone: string; lastSentOn: string | null }

export interface DeliveryOps {
  createChannel(channel: ChannelRow): Promise<void>;
  getChannel(id: string): Promise<ChannelRow | undefined>;
  listChannels(filter: { schoolId?: string }): Promise<ChannelRow[]>;
  disableChannel(id: string, at: number): Promise<boolean>;

  createRoute(route: RouteRow): Promise<void>;
  listRoutes(schoolId: string): Promise<RouteRow[]>;
  deleteRoute(id: string): Promise<boolean>;

  getSchoolAlertSettings(schoolId: string): Promise<SchoolAlertSettings | undefined>;
  putSchoolAlertSettings(settings: SchoolAlertSettings): Promise<void>;

  enqueueNotification(notification: NotificationRow): Promise<void>;
  /**
   * Claims up to `limit` notifications for `claimant` until now + leaseMs and returns them, oldest due first:
   * pending ones due by `now`, and those whose claim by another sender ran out (it stopped mid-send and
   * never came back). Taken atomically: two claimants racing never take the same one. Each claim counts an attempt.
   */
  claimDueNotifications(claim: NotificationClaim): Promise<NotificationRow[]>;
  /** Holds every claim of `claimant` still sending until `until` (a slow send outlasting its lease); returns how many. */
  renewNotificationClaims(claimant: string, until: number): Promise<number>;
  /**
   * Puts the claimant's unsent claims back in the queue, due at `now`: at its stop, and at its start for what it
   * held when it last stopped. Never another claimant's. Returns how many.
   */
  releaseNotificationClaims(claimant: string, now: number): Promise<number>;
  /** Records the claimant's notification as sent; false (nothing written) when its claim was no longer the claimant's. */
  markNotificationSent(id: string, claimant: string, at: number): Promise<boolean>;
  /**
   * Records a failed attempt of the claimant's: pending again at `nextAttemptAt`, or failed for good when that is
   * null; false (nothing written) when its claim was no longer the claimant's.
   */
  markNotificationFailed(id: string, claimant: string, error: string, nextAttemptAt: number | null): Promise<boolean>;
  getNotification(id: string): Promise<NotificationRow | undefined>;
  listNotifications(query: NotificationQuery): Promise<NotificationRow[]>;
  /** Sets (or with null removes) a person's daily digest. */
  setDigestSubscription(personId: string, subscription: Omit<DigestSubscription, 'personId' | 'lastSentOn'> | null): Promise<void>;
  listDigestSubscriptions(): Promise<DigestSubscription[]>;
  /** Records the local date a digest was queued for, unless one was already queued that date; true when recorded now. */
  markDigestSent(personId: string, localDate: string): Promise<boolean>;
  /** Deletes the school's sent or failed notifications created before `before`; returns how many went. */
  deleteNotificationsBefore(schoolId: string, before: number): Promise<number>;
}
