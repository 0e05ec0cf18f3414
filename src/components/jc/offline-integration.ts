/**
 * Astro integration of the offline feature: after `astro build`, writes `sw.js` (the service
 * worker, with the precache list and a content-hash version) at the root of the built site, which
 * is the root of the base path, so the worker's scope is exactly the site (BASE_PATH included).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { SERVICE_WORKER_FILE, buildPrecache, serviceWorkerSource } from './offline-precache.ts';

export function offlinePrecache(): AstroIntegration {
  return {
    name: 'nelm-offline-precache',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const template = readFileSync(fileURLToPath(new URL('./sw-template.js', import.meta.url)), 'utf8');
        const precache = buildPrecache(out);
        writeFileSync(join(out, SERVICE_WORKER_FILE), serviceWorkerSource(template, precache));
        logger.info(`${SERVICE_WORKER_FILE}: ${precache.urls.length} files (${(precache.bytes / 1024).toFixed(0)} KiB), version ${precache.version}`);
      },
    },
  };
}
