// Bundles the extension with esbuild into a folder Chromium loads unpacked (or that is zipped for Google Admin).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const HERE = import.meta.dirname;

/** Builds into `outDir`; a test passes its own entry, which injects a fake Chromebook adapter. */
export const buildExtension = async (outDir: string, entry = join(HERE, 'src', 'background.ts')): Promise<void> => {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [entry], outfile: join(outDir, 'background.js'), bundle: true, format: 'esm', platform: 'browser',
    target: 'chrome116', logLevel: 'warning', legalComments: 'none',
  });
  for (const file of ['manifest.json', 'managed-schema.json']) copyFileSync(join(HERE, file), join(outDir, file));
};

if (import.meta.main) await buildExtension(join(HERE, 'dist'));
