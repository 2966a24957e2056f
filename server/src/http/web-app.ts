import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './app-types.js';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new
 * release reaches every browser on its next page load. Unknown non-API paths get index.html
 * (the app's router shows its own 404 page), except /family and /family/…: the parents' phone
 * app (阳光少年) has its own page, family.html, so a parent never loads the staff app.
 */
export async function registerWebApp(app: AppInstance, webDir: string | null) {
  if (!webDir) {
    app.setNotFoundHandler((req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url}` }));
    return;
  }
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`web app is not built: ${webDir}/index.html is missing (run npm run build:web)`);
  await app.register(fastifyStatic, {
    root: webDir,
    // Files are looked up per request, so a rebuilt web app is served without a restart.
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url}` });
    }
    const path = req.url.split('?')[0]!;
    const family = (path === '/family' || path.startsWith('/family/')) && existsSync(join(webDir, 'family.html'));
    return reply.header('cache-control', 'no-cache').sendFile(family ? 'family.html' : 'index.html');
  });
}
