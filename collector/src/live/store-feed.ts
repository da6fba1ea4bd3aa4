// The store, telling the live bus what it committed: an alert written or a verdict changed inside a
// transaction is published after the commit (never when it rolls back); outside one, once written.
import type { Store, StoreOps } from '../store/types.ts';
import type { LiveBus, LiveChange } from './bus.ts';

const observed = (ops: StoreOps, tell: (change: LiveChange) => void): StoreOps => ({
  ...ops,
  async insertAlert(alert) {
    const stored = await ops.insertAlert(alert);
    if (stored) tell({ type: 'alert', alertId: alert.id });
    return stored;
  },
  async updateAlert(id, expected, fields) {
    const updated = await ops.updateAlert(id, expected, fields);
    if (updated) tell({ type: 'alert', alertId: id });
    return updated;
  },
  async recordVerdictChange(change) {
    await ops.recordVerdictChange(change);
    tell({ type: 'verdict', deviceId: change.deviceId, check: change.check, from: change.fromStatus, to: change.toStatus, at: change.changedAt });
  },
});

/** One message per alert per transaction (a batch that repeats an alert 500 times tells it once). */
const once = (changes: readonly LiveChange[]): LiveChange[] => {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = change.type === 'alert' ? `alert ${change.alertId}` : `verdict ${change.deviceId} ${change.check} ${change.at}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const withLiveFeed = (store: Store, bus: LiveBus): Store => ({
  ...store,
  ...observed(store, (change) => bus.publish(change)),
  transaction: async (work) => {
    const pending: LiveChange[] = [];
    const result = await store.transaction((tx) => work(observed(tx, (change) => pending.push(change))));
    for (const change of once(pending)) bus.publish(change);
    return result;
  },
  close: () => store.close(),
});
