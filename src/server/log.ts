// Request id, timing and the one log line per request.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Deps } from './deps.js';

export function requestLog(deps: Deps): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    const incoming = c.req.header('X-Request-Id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : deps.newId();
    c.header('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      const route = c.res.status === 404 ? '(none)' : (matchedRoutes(c)[c.req.routeIndex]?.path ?? '(none)');
      const note = c.get('logNote');
      deps.log({
        requestId, method: c.req.method, route, status: c.res.status, ms: Math.round((performance.now() - start) * 100) / 100,
        ...(note?.reason ? { reason: note.reason } : {}), ...(note?.errorClass ? { errorClass: note.errorClass } : {}),
      });
    }
  };
}
