// The MSI as Windows Installer will read it, checked with msiinfo (msitools): the service,
// its start at boot, the properties for silent deployment, the enrolment and clean-up
// actions and where they run, the upgrade rules, and the executable it carries. Windows
// itself cannot run here: installing, the service wrapper and the upgrade are not exercised.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStamp, sourceDateEpoch } from '../../../scripts/build-agent.ts';
import { SEA_TARGETS } from '../../../scripts/build-sea.ts';
import { tempDir } from '../../../test/support/processes.ts';
import { buildSeaOnce } from '../../../test/support/sea-under-test.ts';
import { COMMAND_OPTIONS } from '../../../agent/src/cli/args.ts';
import { SERVICE_LOG_PREFIX, SERVICE_LOGS_FOLDER } from '../../../agent/src/state-removal.ts';
import { buildMsi, MSI_SEQUENCE, UPGRADE_CODE } from '../../windows/build-msi.ts';

const STANDARD_ACTIONS = new Set(['FindRelatedProducts', 'LaunchConditions', 'ValidateProductID', 'CostInitialize', 'FileCost', 'CostFinalize',
  'MigrateFeatureStates', 'InstallValidate', 'InstallInitialize', 'RemoveExistingProducts', 'ProcessComponents', 'UnpublishFeatures',
  'StopServices', 'DeleteServices', 'RemoveFiles', 'InstallFiles', 'InstallServices', 'StartServices', 'RegisterUser', 'RegisterProduct',
  'PublishFeatures', 'PublishProduct', 'InstallFinalize']);
const WINDOWS = SEA_TARGETS.find((target) => target.id === 'win-x64')!;

/** One table as rows of named columns (msiinfo export: names, types, key line, then rows). */
const table = (msi: string, name: string): Array<Record<string, string>> => {
  const [header, , , ...rows] = execFileSync('msiinfo', ['export', msi, name], { encoding: 'utf8' }).replace(/\r/g, '').split('\n').filter((line) => line !== '');
  const columns = header!.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, index) => [columns[index]!, value])));
};
const property = (msi: string, name: string): string | undefined => table(msi, 'Property').find((row) => row.Property === name)?.Value;
const sequenceOf = (msi: string): Record<string, Record<string, string>> => Object.fromEntries(table(msi, 'InstallExecuteSequence').map((row) => [row.Action!, row]));
const at = (sequence: Record<string, Record<string, string>>, action: string): number => Number(sequence[action]!.Sequence);

/** Custom action type bits (Windows Installer's CustomAction table). */
const TYPE = { exeFromInstalledFile: 18, ignoreExitCode: 64, async: 128, deferred: 1024, noImpersonate: 2048 } as const;

describe('the Windows MSI', () => {
  const work = tempDir('msi-test');
  let executable: string;
  let msi: string;
  let upgrade: string;

  beforeAll(async () => {
    const stamp = defaultStamp();
    executable = await buildSeaOnce(WINDOWS, stamp);
    msi = buildMsi({ executable, version: '0.1.0', outDir: path.join(work, 'first'), sourceDateEpoch: sourceDateEpoch() });
    upgrade = buildMsi({ executable: await buildSeaOnce(WINDOWS, { ...stamp, version: '0.1.1' }), version: '0.1.1', outDir: path.join(work, 'upgrade'), sourceDateEpoch: sourceDateEpoch() });
  });
  afterAll(() => { spawnSync('rm', ['-rf', work]); });

  it('installs InvigilatorAgent as an automatic LocalSystem service, started on install, stopped and removed on uninstall', () => {
    const tables = execFileSync('msiinfo', ['tables', msi], { encoding: 'utf8' }).split('\n');
    for (const name of ['ServiceInstall', 'ServiceControl', 'Upgrade', 'CustomAction', 'File', 'InstallExecuteSequence']) expect(tables).toContain(name);
    const [service] = table(msi, 'ServiceInstall');
    expect(service).toMatchObject({ Name: 'InvigilatorAgent', ServiceType: '16', StartType: '2', ErrorControl: '1', StartName: 'LocalSystem' });
    const [control] = table(msi, 'ServiceControl');
    // 1 start at install, 2|32 stop at install and uninstall, 128 delete at uninstall.
    expect(control).toMatchObject({ Name: 'InvigilatorAgent', Event: String(1 | 2 | 32 | 128), Wait: '1' });
  });

  it('leaves no agent process, service or scheduled start behind on uninstall', () => {
    // The service is stopped (waiting for it), then deleted, before any file goes.
    const [control] = table(msi, 'ServiceControl');
    expect(Number(control!.Event) & 32).toBe(32);
    expect(Number(control!.Event) & 128).toBe(128);
    expect(control!.Wait).toBe('1');
    const sequence = sequenceOf(msi);
    expect(at(sequence, 'StopServices')).toBeLessThan(at(sequence, 'DeleteServices'));
    expect(at(sequence, 'DeleteServices')).toBeLessThan(at(sequence, 'RemoveFiles'));
    // Nothing else starts the agent: one service, no Run key or other registry value, no shortcut
    // (a Startup-folder one), and every custom action is the agent's own executable run to its end
    // (none asynchronous, so none is left running; none runs anything else, such as a task scheduler).
    expect(table(msi, 'ServiceInstall')).toHaveLength(1);
    expect(table(msi, 'Registry')).toEqual([]);
    expect(table(msi, 'Shortcut')).toEqual([]);
    for (const action of table(msi, 'CustomAction')) {
      expect(Number(action.Type) & 0x3f, action.Action).toBe(TYPE.exeFromInstalledFile);
      expect(Number(action.Type) & TYPE.async, action.Action).toBe(0);
      expect(action.Source, action.Action).toBe('AgentExe');
    }
  });

  it('removes the state folder on a real uninstall, through the agent itself, and keeps it through an upgrade', () => {
    const removeState = table(msi, 'CustomAction').find((row) => row.Action === 'RemoveState')!;
    expect(removeState).toMatchObject({
      Type: String(TYPE.exeFromInstalledFile + TYPE.ignoreExitCode + TYPE.deferred + TYPE.noImpersonate), Source: 'AgentExe',
      Target: 'remove-state --state-dir "[CommonAppDataFolder]Invigilator"',
    });
    const sequence = sequenceOf(msi);
    // Not when the old version is removed by a newer one's RemoveExistingProducts: that uninstall runs with UPGRADINGPRODUCTCODE.
    expect(sequence.RemoveState!.Condition).toBe('REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE');
    expect(at(sequence, 'RemoveState')).toBe(MSI_SEQUENCE.RemoveState);
    // After the agent was told why it stops, stopped and its service deleted; before its own executable is removed.
    expect(at(sequence, 'RemoveState')).toBeGreaterThan(at(sequence, 'NoteUninstall'));
    expect(at(sequence, 'RemoveState')).toBeGreaterThan(at(sequence, 'DeleteServices'));
    expect(at(sequence, 'RemoveState')).toBeLessThan(at(sequence, 'RemoveFiles'));
    // What the agent removes besides its own files is the wrapper's logs folder as the wrapper is told to write it.
    const extracted = path.join(work, 'extracted-state');
    mkdirSync(extracted, { recursive: true });
    execFileSync('msiextract', ['--directory', extracted, msi], { stdio: 'pipe' });
    const wrapper = readFileSync(path.join(extracted, 'Invigilator/invigilator-agent-service.xml'), 'utf8');
    expect(wrapper).toContain(`<logpath>%ProgramData%\\Invigilator\\${SERVICE_LOGS_FOLDER}</logpath>`);
    const wrapperFile = table(msi, 'File').find((row) => row.File === 'ServiceWrapper')!;
    expect(`${wrapperFile.FileName!.split('|').at(-1)!.replace(/\.exe$/, '')}.`).toBe(SERVICE_LOG_PREFIX);
  });

  it('runs only agent commands and options that exist', () => {
    for (const action of table(msi, 'CustomAction')) {
      const [command, ...words] = action.Target!.match(/"[^"]*"|\S+/g)!;
      expect(Object.keys(COMMAND_OPTIONS), action.Action).toContain(command);
      const known = Object.keys(COMMAND_OPTIONS[command as keyof typeof COMMAND_OPTIONS]);
      for (const option of words.filter((word) => word.startsWith('--'))) expect(known, `${action.Action} ${option}`).toContain(option.slice(2));
    }
  });

  it('takes COLLECTOR, SECRET_FILE and CA_FILE for msiexec /qn and enrols as SYSTEM before the service starts', () => {
    expect(property(msi, 'SecureCustomProperties')?.split(';')).toEqual(expect.arrayContaining(['COLLECTOR', 'SECRET_FILE', 'CA_FILE']));
    const enrol = table(msi, 'CustomAction').find((row) => row.Action === 'Enrol')!;
    // 18 run an installed file, +1024 deferred, +2048 as SYSTEM (no impersonation).
    expect(enrol).toMatchObject({ Type: String(18 + 1024 + 2048), Source: 'AgentExe' });
    expect(enrol.Target).toBe('enroll --collector "[COLLECTOR]" --secret-file "[SECRET_FILE]" --state-dir "[CommonAppDataFolder]Invigilator" --ca-file "[CA_FILE]"');
    const sequence = sequenceOf(msi);
    expect(Number(sequence.Enrol!.Sequence)).toBe(MSI_SEQUENCE.Enrol);
    expect(Number(sequence.InstallFiles!.Sequence)).toBeLessThan(MSI_SEQUENCE.Enrol!);
    expect(Number(sequence.InstallServices!.Sequence)).toBeGreaterThan(MSI_SEQUENCE.Enrol!);
    expect(sequence.Enrol!.Condition).toBe('COLLECTOR AND SECRET_FILE AND NOT Installed AND NOT WIX_UPGRADE_DETECTED');
    // Every action the sequence names exists: wixl drops custom actions it cannot express without a word.
    const standard = /^[A-Z][A-Za-z]+$/;
    const custom = new Set(table(msi, 'CustomAction').map((row) => row.Action));
    for (const action of Object.keys(sequence).filter((name) => !STANDARD_ACTIONS.has(name))) {
      expect(standard.test(action) && custom.has(action), `${action} is in the sequence but not in CustomAction`).toBe(true);
    }
  });

  it('tells the agent, before its service is stopped, whether it is being uninstalled or replaced by an upgrade', () => {
    const actions = Object.fromEntries(table(msi, 'CustomAction').map((row) => [row.Action!, row]));
    // 18 run an installed file, +64 its failure ignored, +1024 deferred, +2048 as SYSTEM.
    expect(actions.NoteUninstall).toMatchObject({ Type: String(18 + 64 + 1024 + 2048), Source: 'AgentExe', Target: 'stopping-for --reason uninstall --state-dir "[CommonAppDataFolder]Invigilator"' });
    expect(actions.NoteUpgrade).toMatchObject({ Type: String(18 + 64 + 1024 + 2048), Source: 'AgentExe', Target: 'stopping-for --reason upgrade --state-dir "[CommonAppDataFolder]Invigilator"' });
    const sequence = sequenceOf(msi);
    for (const action of ['NoteUninstall', 'NoteUpgrade']) {
      expect(Number(sequence[action]!.Sequence)).toBe(MSI_SEQUENCE[action]);
      expect(Number(sequence[action]!.Sequence)).toBeGreaterThan(Number(sequence.RemoveExistingProducts!.Sequence));
      expect(Number(sequence[action]!.Sequence)).toBeLessThan(Number(sequence.StopServices!.Sequence));
    }
    // The old version's uninstall, run by the new version's RemoveExistingProducts, is the upgrade.
    expect(sequence.NoteUninstall!.Condition).toBe('REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE');
    expect(sequence.NoteUpgrade!.Condition).toBe('REMOVE~="ALL" AND UPGRADINGPRODUCTCODE');
  });

  it('upgrades in place: one UpgradeCode, a new ProductCode per version, the old version removed first, downgrades refused', () => {
    expect(property(msi, 'UpgradeCode')).toBe(`{${UPGRADE_CODE}}`);
    expect(property(upgrade, 'UpgradeCode')).toBe(`{${UPGRADE_CODE}}`);
    expect(property(upgrade, 'ProductVersion')).toBe('0.1.1');
    expect(property(upgrade, 'ProductCode')).not.toBe(property(msi, 'ProductCode'));
    const upgrades = table(upgrade, 'Upgrade');
    expect(upgrades.map((row) => row.ActionProperty).sort()).toEqual(['WIX_DOWNGRADE_DETECTED', 'WIX_UPGRADE_DETECTED']);
    const sequence = Object.fromEntries(table(upgrade, 'InstallExecuteSequence').map((row) => [row.Action!, Number(row.Sequence)]));
    expect(sequence.RemoveExistingProducts).toBe(sequence.InstallInitialize! + 1);
  });

  it('carries the Windows single executable and a wrapper that restarts the agent when it fails', () => {
    const extracted = path.join(work, 'extracted');
    mkdirSync(extracted, { recursive: true });
    execFileSync('msiextract', ['--directory', extracted, msi], { stdio: 'pipe' });
    const folder = path.join(extracted, 'Invigilator');
    expect(readFileSync(path.join(folder, 'invigilator-agent.exe')).equals(readFileSync(executable))).toBe(true);
    const wrapper = readFileSync(path.join(folder, 'invigilator-agent-service.xml'), 'utf8');
    expect(wrapper).toContain('<executable>%BASE%\\invigilator-agent.exe</executable>');
    expect(wrapper).toContain('<onfailure action="restart"');
    expect(readFileSync(path.join(folder, 'invigilator-agent-service.exe')).subarray(0, 2).toString('latin1')).toBe('MZ');
  });

  it('builds the same bytes twice', () => {
    const again = buildMsi({ executable, version: '0.1.0', outDir: path.join(work, 'again'), sourceDateEpoch: sourceDateEpoch() });
    expect(readFileSync(again).equals(readFileSync(msi))).toBe(true);
  });
});
