// Open-loop load at a fixed rate: request i is due at start + i / rate whatever the server does, sent over a pool of
// keep-alive connections (requests queue in the pool when all are busy), and its latency counts from when it was due,
// so a slow server cannot slow the load down and hide its own queueing (no coordinated omission).
// autocannon's `overallRate` is not that: each connection sends back to back until it has made its share of the
// second, then waits for the next one-second tick, so "100 requests/s" arrives as one burst per second and p99 is the
// time to drain the burst.
import http from 'node:http';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface LoadOptions {
  readonly url: string;
  /** One request (path and body, POSTed as JSON) or several, sent in turn. */
  readonly path?: string;
  readonly body?: string;
  readonly requests?: readonly LoadRequest[];
  /** Requests per second, evenly spaced. */
  readonly rate: number;
  readonly seconds: number;
  /** Keep-alive connections in the pool. */
  readonly connections: number;
  /** A request not answered within this many ms counts as a timeout. */
  readonly timeoutMs?: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Answers per second over the run (first due time to last answer). */
  readonly served: number;
  /** ms, from the due time to the end of the response. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** ms the generator sent late, at worst (it is itself too slow when this grows). */
  readonly maxSendLag: number;
}

const quantile = (sorted: Float64Array, q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);

export function openLoop(o: LoadOptions): Promise<LoadResult> {
  const list = o.requests ?? [{ method: 'POST' as const, path: o.path!, body: o.body! }];
  const prepared = list.map((r) => ({ method: r.method, target: new URL(r.path, o.url), body: r.body === undefined ? null : Buffer.from(r.body) }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const total = Math.round(o.rate * o.seconds);
  const latencies = new Float64Array(total);
  const timeoutMs = o.timeoutMs ?? 10_000;
  let sent = 0;
  let done = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let answered = 0;
  let lastAnswer = 0;
  let maxSendLag = 0;
  const start = performance.now() + 5;
  const due = (i: number): number => start + (i * 1000) / o.rate;

  return new Promise((resolve) => {
    const finish = (): void => {
      if (done < total) return;
      agent.destroy();
      const sorted = latencies.slice(0, answered).sort();
      resolve({
        sent, ok, non2xx, errors, timeouts, served: answered / ((lastAnswer - start) / 1000),
        p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.length ? sorted[sorted.length - 1]! : NaN, maxSendLag,
      });
    };
    const send = (i: number): void => {
      const dueAt = due(i);
      maxSendLag = Math.max(maxSendLag, performance.now() - dueAt);
      sent++;
      let settled = false;
      const settle = (outcome: 'ok' | 'non2xx' | 'error' | 'timeout'): void => {
        if (settled) return;
        settled = true;
        const now = performance.now();
        if (outcome === 'ok' || outcome === 'non2xx') {
          latencies[answered++] = now - dueAt;
          lastAnswer = Math.max(lastAnswer, now);
        }
        if (outcome === 'ok') ok++;
        else if (outcome === 'non2xx') non2xx++;
        else if (outcome === 'error') errors++;
        else timeouts++;
        done++;
        finish();
      };
      const { method, target, body } = prepared[i % prepared.length]!;
      const headers = body ? { 'content-type': 'application/json', 'content-length': body.length } : {};
      const req = http.request(target, { method, agent, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => settle(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300 ? 'ok' : 'non2xx'));
        res.on('error', () => settle('error'));
      });
      req.setTimeout(timeoutMs, () => { settle('timeout'); req.destroy(); });
      req.on('error', () => settle('error'));
      if (body) req.end(body);
      else req.end();
    };
    const pump = (): void => {
      const now = performance.now();
      while (sent < total && due(sent) <= now) send(sent);
      if (sent < total) setTimeout(pump, Math.max(0, due(sent) - performance.now()));
    };
    setTimeout(pump, 5);
  });
}
