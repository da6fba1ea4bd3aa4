// The policy JSON a school pastes into Google Admin must name exactly the settings the extension's schema declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

it('the managed-storage policy names the schema\'s settings, each as a string Value', () => {
  const schema = json('chromeos/extension/managed-schema.json') as { type: string; properties: Record<string, { type: string }> };
  const policy = json('installers/chromeos/extension-policy.json') as Record<string, { Value: unknown }>;
  expect(schema.type).toBe('object');
  expect(Object.keys(policy).sort()).toEqual(Object.keys(schema.properties).sort());
  for (const [name, setting] of Object.entries(policy)) expect(typeof setting.Value, name).toBe(schema.properties[name]?.type);
});

it('the manifest declares the managed schema and the permissions the adapter uses, and nothing that reads pages', () => {
  const manifest = json('chromeos/extension/manifest.json') as { manifest_version: number; permissions: string[]; host_permissions?: string[]; storage: { managed_schema: string } };
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.storage.managed_schema).toBe('managed-schema.json');
  expect(manifest.permissions.sort()).toEqual(['alarms', 'enterprise.deviceAttributes', 'identity', 'identity.email', 'storage', 'system.storage']);
  expect(manifest.host_permissions).toBeUndefined();
});

it('the force-install list is "<id>;<update URL>" with the update URL the README describes', () => {
  const list = json('installers/chromeos/extension-install-forcelist.json').ExtensionInstallForcelist as string[];
  expect(list).toEqual([expect.stringMatching(/^EXTENSION_ID;https:\/\/.+\/update\.xml$/)]);
});
