#!/usr/bin/env node
// Refuses an older Node with a sentence (the sources need Node 24's TypeScript support), then runs the CLI.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  // The text of NODE_VERSION_UNSUPPORTED in shared/src/errors.ts, which older Node cannot load.
  console.error(`NODE_VERSION_UNSUPPORTED: This program needs Node.js 24 or newer; this is Node.js ${process.versions.node}.`);
  process.exit(2);
}
const { enablePrivateCompileCache } = await import('@invigilator/shared/compile-cache.js');
enablePrivateCompileCache();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
