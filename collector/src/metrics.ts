// The collector's Prometheus metrics, rendered in the text exposition format.

type LabelValues = Record<string, string>;

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: LabelValues): string => {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
};
const header = (name: string, help: string, type: string): string[] => [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];

/** A counter or gauge keyed by one optional label. */
export class LabelledValue {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  readonly label: string | undefined;
  private readonly values = new Map<string, number>();

  constructor(name: string, help: string, type: 'counter' | 'gauge', label?: string) {
    this.name = name;
    this.help = help;
    this.type = type;
    this.label = label;
  }

  add(amount = 1, labelValue = ''): void {
    this.values.set(labelValue, (this.values.get(labelValue) ?? 0) + amount);
  }

  get(labelValue = ''): number {
    return this.values.get(labelValue) ?? 0;
  }

  render(): string[] {
    const entries = this.label === undefined && this.values.size === 0 ? [['', 0] as const] : [...this.values];
    return [...header(this.name, this.help, this.type), ...entries.map(([value, amount]) =>
      `${this.name}${this.label === undefined ? '' : labelText({ [this.label]: value })} ${amount}`)];
  }
}

export class Histogram {
  readonly name: string;
  readonly help: string;
  private readonly bounds: readonly number[];
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(name: string, help: string, bounds: readonly number[]) {
    this.name = name;
    this.help = help;
    this.bounds = bounds;
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.bounds.forEach((bound, index) => {
      if (value <= bound) this.counts[index] = (this.counts[index] ?? 0) + 1;
    });
    this.sum += value;
    this.count += 1;
  }

  render(): string[] {
    return [
      ...header(this.name, this.help, 'histogram'),
      ...this.bounds.map((bound, index) => `${this.name}_bucket${labelText({ le: String(bound) })} ${this.counts[index]}`),
      `${this.name}_bucket${labelText({ le: '+Inf' })} ${this.count}`,
      `${this.name}_sum ${this.sum}`,
      `${this.name}_count ${this.count}`,
    ];
  }
}

export const createMetrics = () => ({
  connectedAgents: new LabelledValue('invigilator_connected_agents', 'Agent connections open now.', 'gauge'),
  framesReceived: new LabelledValue('invigilator_frames_received_total', 'Frames received from agents, by type.',
    'counter', 'type'),
  eventsIngested: new LabelledValue('invigilator_events_ingested_total', 'Events stored for the first time.', 'counter'),
  duplicatesIgnored: new LabelledValue('invigilator_events_duplicate_total',
    'Events received again (a resend) and not stored twice.', 'counter'),
  framesRejected: new LabelledValue('invigilator_frames_rejected_total',
    'Frames or connections refused, by error code.', 'counter', 'code'),
  ingestCommitSeconds: new Histogram('invigilator_ingest_commit_seconds',
    'Time to store and evaluate one event batch, until commit.', [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]),
  retentionDeleted: new LabelledValue('invigilator_retention_deleted_total',
    'Records deleted because they outlived their school\'s retention period, by kind.', 'counter', 'kind'),
});

export type Metrics = ReturnType<typeof createMetrics>;

/** The exposition text; alert counts come from the store at scrape time. */
export const renderMetrics = (metrics: Metrics, unresolvedAlerts: Record<string, number>): string => {
  const alertsOpen = new LabelledValue('invigilator_alerts_open', 'Alerts not yet resolved, by category.', 'gauge',
    'category');
  for (const [category, count] of Object.entries(unresolvedAlerts)) alertsOpen.add(count, category);
  return [...Object.values(metrics), alertsOpen].flatMap((family) => family.render()).join('\n') + '\n';
};
