// The dashboard: one page, its own script and style files (dashboard/ui), and the libraries it runs on,
// served straight from their installed packages with no build step; the page's import map names each
// library's file. The page holds no data of its own: everything it shows comes through the role-checked API.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { principalOf, seesDevices, visibleCategories } from '../access.ts';
import { ROLES } from '../../store/types.ts';
import { appPageCsp } from '../security-headers.ts';

const DASHBOARD = path.join(import.meta.dirname, '../dashboard');
/** An installed package's folder, found from its entry point (not every package exports its package.json). */
const packageDir = (name: string): string => {
  const entry = createRequire(import.meta.url).resolve(name);
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
};

/** A folder served under `url`, and the modules the page imports from it by bare name. */
interface ServedFolder { url: string; dir: string; modules: Record<string, string> }

const FOLDERS: ServedFolder[] = [
  { url: '/ui/', dir: path.join(DASHBOARD, 'ui'), modules: {} },
  { url: '/vendor/preact/', dir: path.join(packageDir('preact'), 'dist'), modules: { preact: 'preact.mjs' } },
  { url: '/vendor/preact-hooks/', dir: path.join(packageDir('preact'), 'hooks/dist'), modules: { 'preact/hooks': 'hooks.mjs' } },
  { url: '/vendor/htm/', dir: path.join(packageDir('htm'), 'dist'), modules: { htm: 'htm.mjs' } },
  { url: '/vendor/uplot/', dir: path.join(packageDir('uplot'), 'dist'), modules: { uplot: 'uPlot.esm.js' } },
];

/** Checked once at start: a missing library file is a broken install, said plainly rather than a blank page. */
const importMap = (): string => {
  const imports: Record<string, string> = {};
  for (const folder of FOLDERS) {
    for (const [name, file] of Object.entries(folder.modules)) {
      if (!existsSync(path.join(folder.dir, file))) {
        throw new Error(`The dashboard's library ${name} is missing (${path.join(folder.dir, file)}): run npm ci.`);
      }
      imports[name] = `${folder.url}${file}`;
    }
  }
  return JSON.stringify({ imports });
};

const PAGE = readFileSync(path.join(DASHBOARD, 'index.html'), 'utf8')
  .replace('<!--importmap-->', `<script type="importmap">${importMap()}</script>`);
const PAGE_POLICY = appPageCsp(PAGE);

export const dashboardRoutes = (app: FastifyInstance): void => {
  app.get('/', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_POLICY).send(PAGE));

  // Every file in these folders is public (code and style, no data): each gets its own route at start.
  app.register(async (files) => {
    files.addHook('onRoute', (route) => { route.config = { ...route.config, access: 'public' }; });
    for (const folder of FOLDERS) {
      await files.register(fastifyStatic, {
        root: folder.dir, prefix: folder.url, wildcard: false, index: false, decorateReply: false, lastModified: false,
      });
    }
  });

  app.get('/api/v1/me', { config: { access: ROLES } }, async (request, reply) => {
    const principal = principalOf(request);
    const { personId, email, tokenId, sessionId, roles, schools, label, csrfToken } = principal;
    return reply.header('cache-control', 'no-store').send({
      personId, email, tokenId, sessionId, roles, schools, label,
      sees: { devices: seesDevices(principal), alertCategories: visibleCategories(roles) },
      // Only a cookie session has one: the page sends it back with every change.
      ...(csrfToken ? { csrfToken } : {}),
    });
  });
};
