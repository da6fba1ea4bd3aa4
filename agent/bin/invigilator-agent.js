#!/usr/bin/env node
// Refuses an old Node with a clear sentence before loading the TypeScript sources
// (which need Node 24's type stripping and node:sqlite).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`UNSUPPORTED_PLATFORM: invigilator-agent needs Node.js 24 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(1);
}
const { enablePrivateCompileCache } = await import('@invigilator/shared/compile-cache.js');
enablePrivateCompileCache();
await import('../src/cli.ts');
