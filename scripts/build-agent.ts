// Builds the agent as plain JavaScript in dist/: types stripped ahead of time, so
// a device does not carry the TypeScript stripper in memory (about 20 MB of RSS).
// This is what an installer packs; `npm run bench` measures both forms.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const DIST = path.join(root, 'dist');
/** How installers start the built agent: lite mode trades peak speed for about 18 MB of RSS. */
export const AGENT_NODE_FLAGS: readonly string[] = ['--lite-mode'];

const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath, entry.name));

const rewriteImports = (code: string, fromFile: string): string =>
  code.replace(/(from\s+|import\()(['"])([^'"]+)\2/g, (whole, lead: string, quote: string, specifier: string) => {
    let target = specifier;
    if (specifier.startsWith('@invigilator/shared/')) {
      const shared = path.join(DIST, 'shared/src', specifier.slice('@invigilator/shared/'.length));
      target = path.relative(path.dirname(fromFile), shared);
      if (!target.startsWith('.')) target = `./${target}`;
    }
    if (!target.startsWith('.')) return whole;
    return `${lead}${quote}${target.replace(/\.ts$/, '.js')}${quote}`;
  });

const buildTree = (workspace: string): void => {
  // Declaration files (the generated protocol's types) have nothing to run.
  for (const source of filesUnder(path.join(root, workspace, 'src')).filter((file) => !file.endsWith('.d.ts'))) {
    const relative = path.relative(root, source);
    const out = path.join(DIST, relative).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(out), { recursive: true });
    if (source.endsWith('.ts')) {
      writeFileSync(out, rewriteImports(stripTypeScriptTypes(readFileSync(source, 'utf8'), { mode: 'strip' }), out));
    } else {
      copyFileSync(source, out);
    }
  }
};

export const buildAgent = (): string => {
  rmSync(DIST, { recursive: true, force: true });
  buildTree('shared');
  buildTree('agent');
  copyFileSync(path.join(root, 'agent/package.json'), path.join(DIST, 'agent/package.json'));
  const bin = path.join(DIST, 'agent/bin/invigilator-agent.js');
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(bin, readFileSync(path.join(root, 'agent/bin/invigilator-agent.js'), 'utf8').replace("'../src/cli.ts'", "'../src/cli.js'"));
  return bin;
};

if (import.meta.main) {
  process.stdout.write(`${buildAgent()}\n`);
}
