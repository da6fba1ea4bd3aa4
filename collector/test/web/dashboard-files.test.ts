// The dashboard's own modules, read as files: they never build markup from strings (a device's text
// must stay text), never set an inline style the page's policy would refuse, and import only each other
// and the libraries the page's import map names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = path.join(import.meta.dirname, '../../src/web/dashboard/ui');
const modules = readdirSync(UI, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
const PAGE = readFileSync(path.join(UI, '../index.html'), 'utf8');
const LIBRARIES = ['preact', 'preact/hooks', 'htm', 'uplot'];

describe('the dashboard modules', () => {
  it('are found', () => {
    expect(modules).toContain('main.js');
    expect(modules.length).toBeGreaterThan(10);
  });

  it.each(modules)('%s inserts no HTML from strings and sets no inline style', (file) => {
    const text = readFileSync(path.join(UI, file), 'utf8');
    expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\beval\(|new Function/);
    expect(text).not.toMatch(/\sstyle=/);
  });

  it.each(modules)('%s imports only dashboard files that exist and the page\'s libraries', (file) => {
    const text = readFileSync(path.join(UI, file), 'utf8');
    for (const [, specifier] of text.matchAll(/^import [^'"]*['"]([^'"]+)['"];/gm)) {
      if (specifier!.startsWith('.')) expect(existsSync(path.join(UI, path.dirname(file), specifier!)), `${file}: ${specifier}`).toBe(true);
      else expect(LIBRARIES, `${file}: ${specifier}`).toContain(specifier);
    }
  });

  it('start from a page with no inline script but its import map, and no inline style', () => {
    expect(PAGE).toContain('<!--importmap-->');
    expect(PAGE).not.toMatch(/<style|\sstyle=|<script(?![^>]*\ssrc=)/);
  });
});
