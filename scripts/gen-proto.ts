// Regenerates shared/src/generated/ from shared/proto/invigilator.proto.
// `--check` exits non-zero when the committed files are stale (used by tests).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const proto = path.join(root, 'shared/proto/invigilator.proto');
const outDir = path.join(root, 'shared/src/generated');
const bin = (name: string): string => path.join(root, 'node_modules/.bin', name);

const workDir = mkdtempSync(path.join(tmpdir(), 'invigilator-proto-'));
const js = path.join(workDir, 'invigilator.js');
const dts = path.join(workDir, 'invigilator.d.ts');
let stale = false;
try {
  execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'es6', '--force-number', '--no-verify', '--no-delimited', '--no-service', '-o', js, proto]);
  // pbjs emits an extensionless import that Node's ESM resolver rejects.
  writeFileSync(js, readFileSync(js, 'utf8').replace(/from "protobufjs\/minimal"/, 'from "protobufjs/minimal.js"'));
  execFileSync(bin('pbts'), ['--no-comments', '-o', dts, js]);

  for (const [name, file] of Object.entries({ 'invigilator.js': js, 'invigilator.d.ts': dts })) {
    const fresh = readFileSync(file, 'utf8');
    const target = path.join(outDir, name);
    let current = '';
    try { current = readFileSync(target, 'utf8'); } catch { /* first run */ }
    if (current !== fresh) {
      stale = true;
      if (!process.argv.includes('--check')) writeFileSync(target, fresh);
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (process.argv.includes('--check') && stale) {
  process.stderr.write('shared/src/generated is stale: run `npm run proto`\n');
  process.exit(1);
}
