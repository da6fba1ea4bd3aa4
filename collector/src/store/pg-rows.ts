// Devices, events and audit entries as rows on PostgreSQL: shared by the core, enrolment, report and dashboard operations.
import { selectList, type PgRow } from './pg-queries.ts';
import type { Device, JsonObject, StoredEvent } from './types.ts';

export const PG_DEVICE_COLUMNS = selectList(`id school_id hostname facts credential_hash enrolled_at last_seen_at revoked_at
  duplicate_of duplicate_reason held_since`);
export const PG_EVENT_COLUMNS = selectList('device_id seq occurred_at received_at kind check_name payload');
export const PG_AUDIT_COLUMNS = selectList('id at person_email token_id session_id roles label action target school_id');

export const toPgDevice = (row: PgRow): Device => ({ ...(row as unknown as Device), facts: JSON.parse(String(row.facts)) as JsonObject });
export const toPgEvent = (row: PgRow): StoredEvent => ({ ...(row as unknown as StoredEvent), payload: JSON.parse(String(row.payload)) as JsonObject });
