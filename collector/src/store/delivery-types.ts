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

export interface NotificationRow {
  id: string;
  schoolId: string;
  alertId: string | null;
  channelId: string;
  personId: string | null;
  recipient: string;
  /** opened, reopened, severity-raised, escalated, summary, test. */
  reason: string;
  /** The message as composed for its recipient's role (see notify/message.ts). */
  message: JsonObject;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

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
   * Marks up to `limit` pending notifications due by `now` as sending and returns them, oldest first.
   * Each is claimed by one caller only (the update checks the status it read).
   */
  claimDueNotifications(now: number, limit: number): Promise<NotificationRow[]>;
  /** Puts notifications left "sending" by a collector that stopped mid-send back in the queue. */
  requeueSendingNotifications(now: number): Promise<number>;
  markNotificationSent(id: string, at: number): Promise<void>;
  /** Records a failed attempt: pending again at `nextAttemptAt`, or failed for good when that is null. */
  markNotificationFailed(id: string, error: string, nextAttemptAt: number | null): Promise<void>;
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
