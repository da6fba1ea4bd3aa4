// Lists every skipped test by its full name at the end of a run. Each conditional test names its
// condition ("... (needs root)"), so nothing is skipped without its reason in the summary.
import type { Reporter, TestModule } from 'vitest/node';

export default class SkippedTestsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) => [...module.children.allTests('skipped')]
      .map((test) => `${module.moduleId.replace(`${process.cwd()}/`, '')}: ${test.fullName}`));
    if (skipped.length === 0) return;
    process.stdout.write(`\nSkipped ${skipped.length} test(s), each named with the condition it needs:\n${skipped.map((line) => `  - ${line}`).join('\n')}\n`);
  }
}
