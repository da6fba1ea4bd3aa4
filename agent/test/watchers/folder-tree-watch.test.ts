// One kernel watch per folder, on real folders: files already there are not reported,
// new files and the files of a folder copied in are, each once it stops changing.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolderTree, type FolderTreeWatch } from '../../src/watchers/folder-tree-watch.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const tempDir = useTempDirs('invigilator-tree');

describe('watchFolderTree', () => {
  const watches: FolderTreeWatch[] = [];
  afterEach(() => { for (const watch of watches.splice(0)) watch.close(); });

  it('watches folders, not files, and reports new files below them', async () => {
    const root = tempDir();
    for (let folder = 0; folder < 5; folder += 1) {
      mkdirSync(path.join(root, `f${folder}`, 'deep'), { recursive: true });
      for (let file = 0; file < 50; file += 1) writeFileSync(path.join(root, `f${folder}`, `old-${file}.txt`), 'x');
    }
    const seen: string[] = [];
    const watch = watchFolderTree({ root, maxDepth: 8, stableMs: 150, onFile: (file) => seen.push(path.relative(root, file)), onError: (error) => { throw error; } });
    watches.push(watch);
    await watch.ready;
    expect(watch.folderCount()).toBe(11);

    writeFileSync(path.join(root, 'f2', 'deep', 'new.txt'), 'y');
    const source = tempDir();
    mkdirSync(path.join(source, 'copied', 'inner'), { recursive: true });
    writeFileSync(path.join(source, 'copied', 'a.txt'), 'a');
    writeFileSync(path.join(source, 'copied', 'inner', 'b.txt'), 'b');
    cpSync(path.join(source, 'copied'), path.join(root, 'copied'), { recursive: true });
    const deadline = Date.now() + 5_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.sort()).toEqual(['copied/a.txt', 'copied/inner/b.txt', 'f2/deep/new.txt']);
    expect(watch.folderCount()).toBe(13);
  });

  it('stops at the depth it was given', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    const watch = watchFolderTree({ root, maxDepth: 1, stableMs: 100, onFile: () => undefined, onError: () => undefined });
    watches.push(watch);
    await watch.ready;
    expect(watch.folderCount()).toBe(2);
  });
});
