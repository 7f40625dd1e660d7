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
import { guidelinePageRoutes } from './guideline-page.js';
import { requestLog } from './log.js';

const NOT_BUILT = '<!doctype html><html lang="en"><meta charset="utf-8"><title>LeptoGuide</title>'
  + '<h1>LeptoGuide service</h1><p>The web app is not built (run <code>npm run build</code>). '
  + 'The API is at <a href="/api/openapi.json">/api/openapi.json</a>, CDS Hooks discovery at <a href="/cds-services">/cds-services</a>.</p></html>';

/** The SMART App Launch pages: they talk to the EHR's FHIR and authorization servers (docs/smart.md). */
const SMART_PAGE = /(^|\/)(launch|smart)\.html$/;

/**
 * The Content Security Policy of a response: no inline scripts, no third-party origins, except that the SMART pages may
 * connect to the configured EHR origins (SMART_ORIGINS) and every page may be framed by FRAME_ANCESTORS.
 */
export function contentSecurityPolicy(config: ServerConfig, path: string): string {
  const connect = ["'self'", ...(SMART_PAGE.test(path) ? config.csp.smartConnect : [])];
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", `connect-src ${connect.join(' ')}`,
    "object-src 'none'", "base-uri 'self'", "form-action 'none'", `frame-ancestors ${["'self'", ...config.csp.frameAncestors].join(' ')}`,
  ].join('; ');
}

export function createApp(config: ServerConfig, deps: Deps): Hono {
  const app = new Hono();
  app.use(requestLog(deps));
  // Headers are set before the handler runs (they depend on the path only): c.header() after a response exists
  // rebuilds it around its body stream, which sends every response down the slow streamed path (~1 ms each).
  app.use(async (c, next) => {
    c.header('Content-Security-Policy', contentSecurityPolicy(config, c.req.path));
    await next();
  });
  app.use(secureHeaders({
    contentSecurityPolicy: undefined,
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    referrerPolicy: 'no-referrer',
  }));
  app.use(cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 }));
  const noStore: MiddlewareHandler = async (c, next) => { c.header('Cache-Control', 'no-store'); await next(); };
  app.use('/api/*', noStore);
  app.use('/cds-services/*', noStore);
  app.route('/', apiRoutes(config, deps.today, () => deps.feedback.status()));
  app.route('/', guidelinePageRoutes());
  app.route('/', cdsRoutes(config, deps, createVerifier(config.auth, config.publicUrl)));
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
