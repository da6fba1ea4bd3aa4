// Test helper: a mutable copy of the default pack with one field changed or removed.
import { DEFAULT_POLICY_PACK } from '../../src/policy/default-pack.ts';

export const REMOVE = Symbol('remove');

export const defaultPackWith = (path: readonly string[], value: unknown): Record<string, unknown> => {
  const copy = structuredClone(DEFAULT_POLICY_PACK) as unknown as Record<string, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
};
