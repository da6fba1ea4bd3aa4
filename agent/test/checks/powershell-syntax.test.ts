// Every PowerShell script the agent runs, parsed by a PowerShell grammar (tree-sitter's,
// run from its WebAssembly build: no PowerShell can run here). A syntax slip would
// otherwise only show on a Windows device, as a check that never collects.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { WINDOWS_CHECKS } from '../../src/checks/windows-checks.ts';
import { PROFILE_SOURCE, RULES_SOURCE } from '../../src/checks/firewall/windows.ts';
import type { Collected, CommandSource, PlatformCheck } from '../../src/checks/types.ts';
import { powershellSource } from '../../src/checks/windows-powershell.ts';
import { WINDOWS_DEVICE_FACTS_SCRIPT } from '../../src/device-facts-windows.ts';
import { VOLUME_WATCH_SCRIPT } from '../../src/watchers/removable-media/windows.ts';
import { removableDrivesSource } from '../../src/checks/removable-media/windows.ts';
import { collectedFrom, ran } from './collected-from.ts';

const context = { removableMountRoots: [] };
const failed = ran('', { exitCode: 1, stderr: 'failed' });

/** Every source a check may ask for: the first round, and the fallbacks asked when the first round failed. */
const allSources = (check: PlatformCheck): CommandSource[] => {
  const first = check.sources(new Map(), context);
  const allFailed: Collected = collectedFrom(Object.fromEntries(first.map((source) => [source.id, failed])));
  return [...first, ...check.sources(allFailed, context)].filter((source): source is CommandSource => source.kind === 'command');
};

const scripts = (): [string, string][] => {
  const fromChecks = WINDOWS_CHECKS.flatMap(allSources)
    .filter((source) => source.file.toLowerCase().endsWith('powershell.exe'))
    .map((source): [string, string] => [source.id, source.args.at(-1) ?? '']);
  return [
    ...new Map(fromChecks),
    ['watcher: Win32_VolumeChangeEvent', VOLUME_WATCH_SCRIPT],
    ['watcher: removable drives', removableDrivesSource().args.at(-1) ?? ''],
    ['device facts', powershellSource('windows.device-facts', WINDOWS_DEVICE_FACTS_SCRIPT).args.at(-1) ?? ''],
  ];
};

let parser: Parser;
beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

/** The first node the grammar could not place, with the text around it. */
const firstProblem = (node: Node, source: string): string | undefined => {
  if (node.isError || node.isMissing) return `${node.isMissing ? 'missing' : 'error'} at ${node.startIndex}: "${source.slice(Math.max(0, node.startIndex - 30), node.endIndex + 30)}"`;
  for (const child of node.children) {
    if (child?.hasError || child?.isMissing) return firstProblem(child, source);
  }
  return undefined;
};

describe('PowerShell scripts the agent runs', () => {
  it('covers every Windows check\'s PowerShell sources, the fallbacks, the watcher and the device facts', () => {
    const ids = scripts().map(([id]) => id);
    for (const id of ['windows.win32-encryptablevolume', 'windows.get-mpcomputerstatus', 'windows.securitycenter2-antivirusproduct', PROFILE_SOURCE, RULES_SOURCE,
      'windows.securitycenter2-firewallproduct', 'windows.fwpolicy2-profiles', 'windows.secedit-export-security-policy', 'windows.removable-storage-policy',
      'windows.screen-lock-settings', 'watcher: removable drives']) {
      expect(ids).toContain(id);
    }
  });

  it('the grammar does catch a slip (so a pass below means something)', () => {
    expect(parser.parse('Get-CimInstance | ForEach-Object { [pscustomobject]@{ A = $_.A ')?.rootNode.hasError).toBe(true);
    expect(parser.parse('if ($x -eq 1 { 1 }')?.rootNode.hasError).toBe(true);
  });

  it.each(scripts())('%s parses without a syntax error', (_id, script) => {
    const tree = parser.parse(script);
    expect(tree).not.toBeNull();
    expect(firstProblem(tree!.rootNode, script)).toBeUndefined();
  });
});
