// Small real events for outbox and transport tests.
import { CollectionStatus, MisuseKind, v1, type Event } from '@invigilator/shared/wire.ts';
import type { OutboxInput } from '../../src/outbox.ts';

export const observationInput = (reason: string, padding = 0): OutboxInput => ({
  occurredAtMs: Date.now(),
  observation: { check: 'firewall', status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_EMPTY', reason: reason + 'x'.repeat(padding) },
});

export const misuseInput = (detail: string, padding = 0): OutboxInput => ({
  occurredAtMs: Date.now(),
  misuse: { kind: MisuseKind.MEDIA_ATTACHED, detail: detail + 'x'.repeat(padding) },
});

export const decodeEvent = (bytes: Uint8Array): Event => v1.Event.toObject(v1.Event.decode(bytes), { longs: Number }) as Event;
