// The Store operations on PostgreSQL, over a pool or one transaction's client (pg.ts decides which).
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { CONNECTOR_SEQ_BASE } from '@invigilator/shared/wire.ts';
import { createPgAlertOps } from './pg-alerts.ts';
import { createPgChromeosOps } from './pg-chromeos.ts';
import { createPgDeliveryOps } from './pg-delivery.ts';
import { createPgEnrolmentOps } from './pg-enrolment.ts';
import { createPgPeopleOps } from './pg-people.ts';
import { createPgReportOps } from './pg-reports.ts';
import { createPgSignInOps } from './pg-sign-in.ts';
import { createPgTokenOps } from './pg-tokens.ts';
import { selectList, type PgQueries } from './pg-queries.ts';
import { PG_AUDIT_COLUMNS, PG_DEVICE_COLUMNS, PG_EVENT_COLUMNS, toPgDevice, toPgEvent } from './pg-rows.ts';
import { createPgDashboardOps } from './pg-dashboard.ts';
import { toAuditRow, toBatchDevice } from './row-shapes.ts';
import type {
  AuditEntry, JsonObject, NewDevice, School, StoreOps, StoredVerdict, VerdictChange,
} from './types.ts';
import { payloadText } from './types.ts';

const VERDICT_COLUMNS = selectList('device_id check_name=check status reason_code reason clause_id clause_text since evaluated_at seq');
const SCHOOL_COLUMNS = selectList('id name enrolment_secret_hash created_at');

/** Whole numbers as a PostgreSQL array literal. */
const numbers = (values: readonly number[]): string => `{${values.join(',')}}`;

/** Each distinct value once, and an array literal of each value's place among them (from 1; 0, which reads as null, for null). */
const indexed = (values: ReadonlyArray<string | null>): { distinct: string[]; indexes: string } => {
  const distinct: string[] = [];
  const places = new Map<string, number>();
  const indexes = values.map((value) => {
    if (value === null) return 0;
    let place = places.get(value);
    if (place === undefined) places.set(value, place = distinct.push(value));
    return place;
  });
  return { distinct, indexes: numbers(indexes) };
};

/** Between payloads in one parameter: JSON text writes every control character escaped, never as it is. */
const PAYLOAD_SEPARATOR = '\u001e';

const serialOf = (facts: JsonObject): string => (typeof facts.hardwareSerial === 'string' ? facts.hardwareSerial : '');

/** Before retention deletes, each device remembers the highest seq going (only its own series, not a connector's). */
const RETENTION_PRUNED_SEQ = `UPDATE devices d SET pruned_seq = GREATEST(pruned_seq, COALESCE((SELECT MAX(seq) FROM events e
    WHERE e.device_id = d.id AND e.kind = $1 AND e.received_at < $2 AND e.seq < ${CONNECTOR_SEQ_BASE}), 0))
  WHERE school_id = $3`;

export const createPgOps = (queries: PgQueries): StoreOps => {
  const { one, all, run } = queries;
  const schoolOf = (filter: { schoolId?: string; schoolIds?: readonly string[] }) =>
    [filter.schoolId ?? null, filter.schoolIds ?? null] as const;

  /** One statement for them all; one row per (device, check), the last given (an upsert may touch a row once). */
  const putVerdicts = async (verdicts: readonly StoredVerdict[]): Promise<void> => {
    const latest = [...new Map(verdicts.map((v) => [`${v.deviceId}\n${v.check}`, v])).values()];
    if (latest.length === 0) return;
    const column = <K extends keyof StoredVerdict>(key: K): Array<StoredVerdict[K]> => latest.map((v) => v[key]);
    await run(`INSERT INTO verdicts (device_id, check_name, status, reason_code, reason, clause_id, clause_text, since, evaluated_at, seq)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
          $9::bigint[], $10::bigint[])
      ON CONFLICT (device_id, check_name) DO UPDATE SET status = excluded.status, reason_code = excluded.reason_code,
        reason = excluded.reason, clause_id = excluded.clause_id, clause_text = excluded.clause_text,
        since = excluded.since, evaluated_at = excluded.evaluated_at, seq = excluded.seq`,
    column('deviceId'), column('check'), column('status'), column('reasonCode'), column('reason'), column('clauseId'),
    column('clauseText'), column('since'), column('evaluatedAt'), column('seq'));
  };

  return {
    async ping() {
      await one('SELECT 1');
    },

    async createSchool(school: School) {
      await run('INSERT INTO schools (id, name, enrolment_secret_hash, created_at) VALUES ($1, $2, $3, $4)',
        school.id, school.name, school.enrolmentSecretHash, school.createdAt);
    },
    async getSchool(id) {
      return await one(`SELECT ${SCHOOL_COLUMNS} FROM schools WHERE id = $1`, id) as School | undefined;
    },
    async listSchools() {
      return await all(`SELECT ${SCHOOL_COLUMNS} FROM schools ORDER BY id`) as unknown as School[];
    },
    async setEnrolmentSecretHash(id, hash) {
      await run('UPDATE schools SET enrolment_secret_hash = $1 WHERE id = $2', hash, id);
    },
    async lockSchool(id) {
      return await one(`SELECT ${SCHOOL_COLUMNS} FROM schools WHERE id = $1 FOR NO KEY UPDATE`, id) as School | undefined;
    },

    async createDevice(device: NewDevice) {
      await run(`INSERT INTO devices (id, school_id, hostname, facts, credential_hash, enrolled_at, last_seen_at, revoked_at,
          hardware_serial, duplicate_of, duplicate_reason, held_since)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, device.id, device.schoolId, device.hostname,
      JSON.stringify(device.facts), device.credentialHash, device.enrolledAt, device.lastSeenAt, device.revokedAt,
      serialOf(device.facts), device.duplicateOf ?? null, device.duplicateReason ?? null, device.heldSince ?? null);
    },
    async getDevice(id) {
      const row = await one(`SELECT ${PG_DEVICE_COLUMNS} FROM devices WHERE id = $1`, id);
      return row && toPgDevice(row);
    },
    async lockDevice(id) {
      // NO KEY UPDATE: other batches of the device wait, while rows that merely refer to it (events, alerts) do not.
      const row = await one(`SELECT ${PG_DEVICE_COLUMNS} FROM devices WHERE id = $1 FOR NO KEY UPDATE`, id);
      return row && toPgDevice(row);
    },
    async listDevices(filter) {
      if (filter.schoolIds?.length === 0) return [];
      return (await all(`SELECT ${PG_DEVICE_COLUMNS} FROM devices
        WHERE ($1::text IS NULL OR school_id = $1) AND ($2::text[] IS NULL OR school_id = ANY($2::text[]))
        ORDER BY hostname, id`, ...schoolOf(filter))).map(toPgDevice);
    },
    async markDeviceSeen(id, at, facts) {
      // Never lowered: two sources of one device (a Chromebook's connector and extension) report at different times.
      if (facts) {
        await run(`UPDATE devices SET last_seen_at = GREATEST(COALESCE(last_seen_at, $1), $1), hostname = $2, facts = $3,
          hardware_serial = $4 WHERE id = $5`, at, facts.hostname, JSON.stringify(facts.facts), serialOf(facts.facts), id);
      } else {
        await run('UPDATE devices SET last_seen_at = GREATEST(COALESCE(last_seen_at, $1), $1) WHERE id = $2', at, id);
      }
    },
    async recordHeartbeat(id, at, outboxDepth) {
      // Every SET reads the row as it was, so both backlog columns follow the same comparison.
      return await run(`UPDATE devices SET last_seen_at = GREATEST(COALESCE(last_seen_at, $1), $1),
          outbox_depth = CASE WHEN outbox_reported_at IS NULL OR outbox_reported_at <= $1 THEN $2 ELSE outbox_depth END,
          outbox_reported_at = CASE WHEN outbox_reported_at IS NULL OR outbox_reported_at <= $1 THEN $1 ELSE outbox_reported_at END
        WHERE id = $3 AND revoked_at IS NULL`, at, outboxDepth, id) === 1;
    },
    async lockDeviceForBatch(id) {
      // NO KEY UPDATE, as lockDevice.
      const row = await one(`SELECT ${PG_DEVICE_COLUMNS}, outbox_id AS "outboxId", seq_offset AS "seriesOffset", pruned_seq AS "prunedSeq",
          (SELECT pack FROM policy_packs WHERE policy_packs.school_id = devices.school_id) AS pack
        FROM devices WHERE id = $1 FOR NO KEY UPDATE`, id);
      return row && toBatchDevice(row, toPgDevice);
    },
    async revokeDevice(id, at) {
      return await run('UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', at, id) > 0;
    },

    async insertEvent(event) {
      return await run(`INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload)
        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (device_id, seq) DO NOTHING`,
      event.deviceId, event.seq, event.occurredAt, event.receivedAt, event.kind, event.checkName,
      payloadText(event.payload)) === 1;
    },
    async insertEvents(events) {
      if (events.length === 0) return [];
      const payloads = events.map((e) => payloadText(e.payload));
      if (payloads.some((text) => text.includes(PAYLOAD_SEPARATOR))) throw new InvigilatorError('STORE_FAILED', 'An event\'s payload is not JSON text.');
      const devices = indexed(events.map((e) => e.deviceId));
      const kinds = indexed(events.map((e) => e.kind));
      const checks = indexed(events.map((e) => e.checkName));
      // One statement for the whole batch, a parameter per column: numbers as array literals, the texts a batch repeats
      // as each distinct one and an index per event, the payloads one text split on a character JSON text never holds
      // as it is. What comes back is only the events that were already stored: usually none.
      const already = await all(`WITH batch AS (
            SELECT ($1::text[])[d] AS device_id, seq, occurred_at, received_at, ($6::text[])[k] AS kind, ($8::text[])[c] AS check_name, payload, n
            FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $7::int[], $9::int[], string_to_array($10, E'\\x1e'))
              WITH ORDINALITY AS b(d, seq, occurred_at, received_at, k, c, payload, n)),
          stored AS (INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload)
            SELECT device_id, seq, occurred_at, received_at, kind, check_name, payload FROM batch
            ON CONFLICT (device_id, seq) DO NOTHING RETURNING device_id, seq)
        SELECT n FROM batch WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.device_id = batch.device_id AND stored.seq = batch.seq)`,
      devices.distinct, devices.indexes, numbers(events.map((e) => e.seq)), numbers(events.map((e) => e.occurredAt)),
      numbers(events.map((e) => e.receivedAt)), kinds.distinct, kinds.indexes, checks.distinct, checks.indexes, payloads.join(PAYLOAD_SEPARATOR));
      const stored = new Set(already.map((row) => Number(row.n) - 1));
      return events.map((_, index) => !stored.has(index));
    },
    async raiseHighestSeq(deviceId, seq) {
      await run('UPDATE devices SET highest_seq = GREATEST(highest_seq, $1) WHERE id = $2', seq, deviceId);
    },
    async highestSeq(deviceId) {
      return Number((await one('SELECT highest_seq AS seq FROM devices WHERE id = $1', deviceId))?.seq ?? 0);
    },
    async prunedSeq(deviceId) {
      return Number((await one('SELECT pruned_seq AS seq FROM devices WHERE id = $1', deviceId))?.seq ?? 0);
    },
    async getSeqSeries(deviceId) {
      const row = await one('SELECT outbox_id AS "outboxId", seq_offset AS "offset" FROM devices WHERE id = $1', deviceId);
      return { outboxId: row?.outboxId === null || row?.outboxId === undefined ? null : String(row.outboxId), offset: Number(row?.offset ?? 0) };
    },
    async setSeqSeries(deviceId, { outboxId, offset }) {
      await run('UPDATE devices SET outbox_id = $1, seq_offset = $2 WHERE id = $3', outboxId, offset, deviceId);
    },
    async listEvents({ deviceId, kinds, limit, beforeSeq }) {
      if (kinds.length === 0) return [];
      return (await all(`SELECT ${PG_EVENT_COLUMNS} FROM events WHERE device_id = $1 AND kind = ANY($2::text[])
        AND seq < $3 ORDER BY seq DESC LIMIT $4`, deviceId, kinds, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit)).map(toPgEvent);
    },
    async deleteEventsBefore(schoolId, kind, before) {
      await run(RETENTION_PRUNED_SEQ, kind, before, schoolId);
      return run(`DELETE FROM events WHERE kind = $1 AND received_at < $2
        AND device_id IN (SELECT id FROM devices WHERE school_id = $3)`, kind, before, schoolId);
    },

    async latestObservations(schoolId) {
      return (await all(`SELECT ${PG_EVENT_COLUMNS} FROM events WHERE (device_id, seq) IN (
          SELECT e.device_id, MAX(e.seq) FROM events e JOIN devices d ON d.id = e.device_id
          WHERE d.school_id = $1 AND e.kind = 'observation' GROUP BY e.device_id, e.check_name)
        ORDER BY device_id, seq`, schoolId)).map(toPgEvent);
    },

    async getVerdict(deviceId, check) {
      return await one(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE device_id = $1 AND check_name = $2`, deviceId, check) as
        StoredVerdict | undefined;
    },
    async listVerdicts(deviceId) {
      return await all(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE device_id = $1 ORDER BY check_name`, deviceId) as
        unknown as StoredVerdict[];
    },
    async listVerdictsOfDevices(deviceIds) {
      const verdicts = new Map<string, StoredVerdict[]>(deviceIds.map((id) => [id, []]));
      if (deviceIds.length === 0) return verdicts;
      const rows = await all(`SELECT ${VERDICT_COLUMNS} FROM verdicts WHERE device_id = ANY($1::text[])
        ORDER BY device_id, check_name`, deviceIds) as unknown as StoredVerdict[];
      for (const verdict of rows) verdicts.get(verdict.deviceId)?.push(verdict);
      return verdicts;
    },
    async putVerdict(v: StoredVerdict) {
      await putVerdicts([v]);
    },
    async putVerdicts(verdicts) {
      await putVerdicts(verdicts);
    },
    async recordVerdictChange(c: VerdictChange) {
      await run(`INSERT INTO verdict_changes (device_id, check_name, from_status, to_status, reason_code, reason, clause_id,
          changed_at, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      c.deviceId, c.check, c.fromStatus, c.toStatus, c.reasonCode, c.reason, c.clauseId, c.changedAt, c.seq);
    },
    async listVerdictChanges(deviceId) {
      return await all(`SELECT ${selectList('device_id check_name=check from_status to_status reason_code reason clause_id changed_at seq')}
        FROM verdict_changes WHERE device_id = $1 ORDER BY id`, deviceId) as unknown as VerdictChange[];
    },
    async deleteVerdictChangesBefore(schoolId, before) {
      return run(`DELETE FROM verdict_changes WHERE changed_at < $1
        AND device_id IN (SELECT id FROM devices WHERE school_id = $2)`, before, schoolId);
    },

    async appendAudit(e: AuditEntry) {
      await run(`INSERT INTO audit_log (at, person_email, token_id, session_id, roles, label, action, target, school_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, e.at, e.personEmail, e.tokenId, e.sessionId, JSON.stringify(e.roles), e.label,
      e.action, e.target, e.schoolId);
    },
    async listAudit({ limit, ...schools }) {
      if (schools.schoolIds?.length === 0) return [];
      return (await all(`SELECT ${PG_AUDIT_COLUMNS} FROM audit_log
        WHERE ($1::text IS NULL OR school_id = $1) AND ($2::text[] IS NULL OR school_id = ANY($2::text[]))
        ORDER BY id DESC LIMIT $3`, ...schoolOf(schools), limit))
        .map(toAuditRow);
    },
    async deleteAuditBefore(schoolId, before) {
      // What a person was shown goes with the audit rows that recorded it.
      await run('DELETE FROM safeguarding_views WHERE school_id = $1 AND shown_at < $2', schoolId, before);
      return run('DELETE FROM audit_log WHERE school_id = $1 AND at < $2', schoolId, before);
    },

    async getPolicyPack(schoolId) {
      const row = await one('SELECT pack FROM policy_packs WHERE school_id = $1', schoolId);
      return row ? JSON.parse(String(row.pack)) as unknown : undefined;
    },
    async putPolicyPack(schoolId, pack, at) {
      await run(`INSERT INTO policy_packs (school_id, pack, updated_at) VALUES ($1, $2, $3)
        ON CONFLICT (school_id) DO UPDATE SET pack = excluded.pack, updated_at = excluded.updated_at`,
      schoolId, JSON.stringify(pack), at);
      const { id, version, name } = (pack ?? {}) as Record<string, unknown>;
      await run('INSERT INTO policy_pack_changes (school_id, pack_id, version, name, changed_at) VALUES ($1, $2, $3, $4, $5)',
        schoolId, String(id ?? ''), String(version ?? ''), String(name ?? ''), at);
    },

    ...createPgPeopleOps(queries),
    ...createPgChromeosOps(queries),
    ...createPgAlertOps(queries),
    ...createPgDeliveryOps(queries),
    ...createPgEnrolmentOps(queries),
    ...createPgTokenOps(queries),
    ...createPgSignInOps(queries),
    ...createPgReportOps(queries),
    ...createPgDashboardOps(queries),
  };
};
