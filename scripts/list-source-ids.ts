// Prints every check's first-round source ids per platform as a Markdown table
// (for docs/diagnostic-bundles.md). Sources a check asks for only after reading
// others (e.g. one per encrypted volume) depend on the device and are not listed.
import { AGENT_PLATFORMS } from '@invigilator/shared/checks.ts';
import { checksFor } from '../agent/src/checks/index.ts';
import type { CheckContext } from '../agent/src/checks/types.ts';
import { defaultMountRoots } from '../agent/src/watchers/default-mount-roots.ts';

const lines = ['| platform | check | source id | kind | program or file |', '| --- | --- | --- | --- | --- |'];
for (const platform of AGENT_PLATFORMS) {
  const context: CheckContext = { removableMountRoots: defaultMountRoots(platform) };
  for (const check of await checksFor(platform)) {
    for (const spec of check.sources(new Map(), context)) {
      const reads = spec.kind === 'command' ? spec.file : spec.path;
      lines.push(`| ${platform} | ${check.check} | \`${spec.id}\` | ${spec.kind} | \`${reads.replaceAll('|', '\\|')}\` |`);
    }
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
