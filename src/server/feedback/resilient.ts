// The feedback store as the service sees it: the clinical answers never wait for it.
// - Issued cards are queued (bounded) and written in the background; when the queue is full, cards are dropped
//   and counted (logged), never the hook's answer.
// - Feedback is acknowledged only once stored; while the store is down it fails at once with StoreUnavailable
//   (HTTP 503 + Retry-After), and a background probe reconnects with backoff.
// - Opening the store (connect + migrations) is retried in the background too: the service starts without it.
import { StoreUnavailable, errorClass } from '../errors.js';
import type { FeedbackRecord, FeedbackStore, IssuedCard } from './store.js';

export { StoreUnavailable };

export type StoreState = 'starting' | 'up' | 'down';

export interface StoreStatus {
  readonly state: StoreState;
  /** ISO time of the last change of state. */
  readonly since: string;
  readonly queuedCards: number;
  readonly droppedCards: number;
  /** Class of the last failure (e.g. ECONNREFUSED, 57P01, query-timeout), never a message. */
  readonly lastError: string | null;
}

/** A log event of the store: state changes and dropped cards. No data, only classes and counts. */
export interface StoreEvent {
  readonly event: 'feedback-store';
  readonly state: StoreState;
  readonly errorClass?: string;
  readonly droppedCards?: number;
  readonly queuedCards?: number;
}

export interface ResilientStore extends FeedbackStore {
  status(): StoreStatus;
  /** Best effort: queues issued cards for recording. Never throws, never waits. */
  issue(cards: readonly IssuedCard[]): void;
  /** Resolves when the queue is empty or the store is down, at the latest after timeoutMs. */
  flush(timeoutMs?: number): Promise<void>;
}

export interface ResilientOptions {
  /** First retry delay, ms; doubles up to maxRetryMs. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /** Most issued cards kept while the store is down or slow. */
  readonly queueMax?: number;
  /** How long a request waits for the store to open when the service has just started, ms. */
  readonly startWaitMs?: number;
  /** Bound on any one call to the store, ms (the PostgreSQL store bounds its own statements too). */
  readonly operationTimeoutMs?: number;
  readonly log?: (e: StoreEvent) => void;
  readonly now?: () => number;
}

export const isResilient = (s: FeedbackStore): s is ResilientStore =>
  typeof (s as Partial<ResilientStore>).issue === 'function' && typeof (s as Partial<ResilientStore>).status === 'function';

export function resilientStore(source: FeedbackStore | (() => Promise<FeedbackStore>), options: ResilientOptions = {}): ResilientStore {
  const retryMs = options.retryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const queueMax = options.queueMax ?? 1000;
  const startWaitMs = options.startWaitMs ?? 2000;
  const operationTimeoutMs = options.operationTimeoutMs ?? 15_000;
  const log = options.log ?? ((): void => undefined);
  const now = options.now ?? Date.now;
  const open = typeof source === 'function' ? source : null;

  let inner: FeedbackStore | null = typeof source === 'function' ? null : source;
  let state: StoreState = inner ? 'up' : 'starting';
  let since = new Date(now()).toISOString();
  let lastError: string | null = null;
  let delay = retryMs;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let draining = false;
  let startFailureLogged = false;
  let dropped = 0;
  let lastDropLog = -Infinity;
  const queue: IssuedCard[] = [];
  const waiters = new Set<() => void>();

  /** A call to the store, failing with 'store-timeout' when it does not settle in time. */
  const bounded = <T>(call: Promise<T>): Promise<T> => {
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_ok, fail) => {
      t = setTimeout(() => fail(Object.assign(new Error('Feedback store call timed out'), { code: 'store-timeout' })), operationTimeoutMs);
      t.unref();
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(t));
  };

  const setState = (next: StoreState, e?: unknown): void => {
    if (e !== undefined) lastError = errorClass(e);
    if (next === state) return;
    state = next;
    since = new Date(now()).toISOString();
    log({ event: 'feedback-store', state, ...(next !== 'up' && lastError ? { errorClass: lastError } : {}), queuedCards: queue.length, droppedCards: dropped });
    if (next === 'up') { delay = retryMs; void drain(); }
    for (const w of [...waiters]) w();
  };

  const schedule = (): void => {
    if (closed || timer) return;
    timer = setTimeout(() => { timer = null; void attempt(); }, delay);
    timer.unref();
    delay = Math.min(delay * 2, maxRetryMs);
  };

  /** Opens the store, or probes the open one; up on success, another try later on failure. */
  const attempt = async (): Promise<void> => {
    if (closed) return;
    try {
      if (!inner) inner = await open!();
      else await bounded(inner.ping?.() ?? Promise.resolve());
      if (closed) return;
      setState('up');
    } catch (e) {
      if (state === 'starting') {
        lastError = errorClass(e);
        if (!startFailureLogged) log({ event: 'feedback-store', state, errorClass: lastError });
        startFailureLogged = true;
      } else setState('down', e);
      schedule();
    }
  };

  const fail = (e: unknown): never => {
    if (state === 'up') { setState('down', e); schedule(); } else lastError = errorClass(e);
    throw new StoreUnavailable(retryAfter());
  };
  const retryAfter = (): number => Math.max(1, Math.ceil(delay / 1000));

  const waitForStart = (): Promise<void> => new Promise<void>((ok) => {
    const t = setTimeout(() => { waiters.delete(done); ok(); }, startWaitMs);
    t.unref();
    const done = (): void => { clearTimeout(t); waiters.delete(done); ok(); };
    waiters.add(done);
  });

  /** Runs an operation that must succeed for the caller (feedback): fails fast while the store is down. */
  const guarded = async <T>(work: (s: FeedbackStore) => Promise<T>): Promise<T> => {
    if (state === 'starting') await waitForStart();
    if (state !== 'up' || !inner) throw new StoreUnavailable(retryAfter());
    try {
      return await bounded(work(inner));
    } catch (e) {
      return fail(e);
    }
  };

  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    try {
      while (queue.length && state === 'up' && inner && !closed) {
        const batch = queue.slice(0, 100);
        try {
          await bounded(inner.recordCards(batch));
          queue.splice(0, batch.length);
        } catch (e) {
          if (state === 'up') { setState('down', e); schedule(); }
        }
      }
    } finally {
      draining = false;
      for (const w of [...waiters]) w();
    }
  };

  const flush = async (timeoutMs = 5000): Promise<void> => {
    const deadline = now() + timeoutMs;
    while (queue.length && state === 'up' && now() < deadline) {
      await new Promise<void>((ok) => {
        const t = setTimeout(() => { waiters.delete(done); ok(); }, 50);
        const done = (): void => { clearTimeout(t); waiters.delete(done); ok(); };
        waiters.add(done);
        void drain();
      });
    }
  };

  if (open) void attempt();

  return {
    status: () => ({ state, since, queuedCards: queue.length, droppedCards: dropped, lastError }),
    issue(cards) {
      for (const c of cards) {
        if (queue.length < queueMax) queue.push(c);
        else dropped++;
      }
      if (queue.length >= queueMax && dropped && now() - lastDropLog >= 10_000) {
        lastDropLog = now();
        log({ event: 'feedback-store', state, droppedCards: dropped, queuedCards: queue.length });
      }
      if (state === 'up') void drain();
    },
    flush,
    recordCards: (cards) => guarded((s) => s.recordCards(cards)),
    // Cards still queued (issued, not yet written) are known too: feedback may come before the queue is drained.
    cardVersions: (uuids) => guarded(async (s) => {
      const queued = new Map(queue.filter((c) => uuids.includes(c.uuid)).map((c) => [c.uuid, { guidelineVersion: c.guidelineVersion, contentHash: c.contentHash }]));
      const rest = uuids.filter((u) => !queued.has(u));
      return rest.length ? new Map([...queued, ...await s.cardVersions(rest)]) : queued;
    }),
    recordFeedback: (items: readonly FeedbackRecord[]) => guarded((s) => s.recordFeedback(items)),
    listFeedback: () => guarded((s) => s.listFeedback()),
    ping: () => guarded(async (s) => { await s.ping?.(); }),
    async close() {
      if (state === 'up') await flush(2000);
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inner?.close();
    },
  };
}
