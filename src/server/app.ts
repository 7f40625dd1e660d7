// The HTTP service as a Hono app (no port: main.ts listens; tests call app.request()).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { apiRoutes } from './api.js';
import { createVerifier } from './auth.js';
import { cdsRoutes } from './cds/routes.js';
import type { ServerConfig } from './config.js';
import type { Deps } from './deps.js';
import { errorResponse, notFound } from './errors.js';
import { requestLog } from './log.js';

const NOT_BUILT = '<!doctype html><html lang="en"><meta charset="utf-8"><title>LeptoGuide</title>'
  + '<h1>LeptoGuide service</h1><p>The web app is not built (run <code>npm run build</code>). '
  + 'The API is at <a href="/api/openapi.json">/api/openapi.json</a>, CDS Hooks discovery at <a href="/cds-services">/cds-services</a>.</p></html>';

export function createApp(config: ServerConfig, deps: Deps): Hono {
  const app = new Hono();
  app.use(requestLog(deps));
  app.use(secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"],
      objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'none'"], frameAncestors: ["'self'"],
    },
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    referrerPolicy: 'no-referrer',
  }));
  app.use(cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 }));
  const noStore: MiddlewareHandler = async (c, next) => { await next(); c.header('Cache-Control', 'no-store'); };
  app.use('/api/*', noStore);
  app.use('/cds-services/*', noStore);
  app.route('/', apiRoutes(config, deps.today, () => deps.feedback.status()));
  app.route('/', cdsRoutes(config, deps, createVerifier(config.auth)));
  const web = config.webDir;
  if (web && existsSync(join(web, 'index.html'))) {
    app.use('*', serveStatic({ root: web }));
  } else {
    app.get('/', (c) => c.html(NOT_BUILT));
  }
  app.notFound((c) => errorResponse(notFound(), c));
  app.onError(errorResponse);
  return app;
}
