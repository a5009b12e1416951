// Prometheus metrics for the one HTTP server (docs/product-rules.md §11: `GET /metrics`, bearer `METRICS_TOKEN` if
// set). Requests are counted and timed per platform, named by the URL prefix each platform owns, so the label set
// stays small whatever paths people probe. The outbox depth is read from the database when scraped, not sampled on a
// timer; the job and delivery counters are handed to the scheduler to move.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type OutboxDepth = { readonly pending: number; readonly delivered: number; readonly dead: number };

export type MetricsOptions = {
  readonly registry: Registry;
  /** `METRICS_TOKEN`; when set, a scrape must send `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Typically `() => deliveryStore.countByStatus()`. */
  readonly outboxDepth: () => Promise<OutboxDepth>;
};

/** A counter as its users see it: prom-client's Counter fits, so callers need not import prom-client. */
export type LabelledCounter<L extends string> = {
  inc(labels: Partial<Record<L, string>>, value?: number): void;
};

export type AppMetrics = {
  /** Scheduler job runs: `job` (reports, budget-warnings, …), `outcome` (ran, skipped, failed). */
  readonly jobRuns: LabelledCounter<'job' | 'outcome'>;
  /** Outbox delivery attempts: `platform` (slack, teams, wecom, console), `outcome` (delivered, retried, dead). */
  readonly outboxDeliveries: LabelledCounter<'platform' | 'outcome'>;
};

export type RequestPlatform = 'slack' | 'teams' | 'wecom' | 'console' | 'other';

const PLATFORM_PREFIXES: readonly (readonly [string, RequestPlatform])[] = [
  ['/slack', 'slack'],
  ['/api/messages', 'teams'],
  ['/wecom', 'wecom'],
  ['/console', 'console'],
];

/** Which platform a request path belongs to (docs/product-rules.md §11's routes). */
export const platformOfPath = (url: string): RequestPlatform => {
  const path = url.split('?')[0] ?? '';
  for (const [prefix, platform] of PLATFORM_PREFIXES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return platform;
  }
  return 'other';
};

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const hasBearer = (authorization: string | undefined, token: string): boolean => {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  // Always compare, so a missing header and a wrong one take the same time.
  return timingSafeEqual(digest(given ?? ''), digest(token)) && given !== undefined;
};

/**
 * Adds `GET /metrics` and the request hooks to `app`. Call it on the root instance (not inside a plugin) before
 * the server is ready: the hooks then reach every platform plugin's routes, whichever was registered first.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): AppMetrics {
  const { registry } = options;

  const requests = new Counter({
    name: 'outlay_http_requests_total',
    help: 'HTTP requests answered, by platform and status class.',
    labelNames: ['platform', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'outlay_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by platform.',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const outboxDepth = options.outboxDepth;
  new Gauge({
    name: 'outlay_outbox_messages',
    help: 'Outbox messages by status, read when scraped.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      try {
        const depth = await outboxDepth();
        this.set({ status: 'pending' }, depth.pending);
        this.set({ status: 'delivered' }, depth.delivered);
        this.set({ status: 'dead' }, depth.dead);
      } catch {
        // No number is better than a stale one: the series disappear until the database answers again.
        this.reset();
      }
    },
  });
  const jobRuns = new Counter({
    name: 'outlay_job_runs_total',
    help: 'Scheduler job runs, by job and outcome.',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const outboxDeliveries = new Counter({
    name: 'outlay_outbox_deliveries_total',
    help: 'Outbox delivery attempts, by platform and outcome.',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const platform = platformOfPath(request.url);
    requests.inc({ platform, status: `${Math.floor(reply.statusCode / 100)}xx` });
    duration.observe({ platform }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', async (request, reply) => {
    if (options.token !== undefined && !hasBearer(request.headers.authorization, options.token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorised', message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' });
    }
    const body = await registry.metrics();
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(body);
  });

  return { jobRuns, outboxDeliveries };
}
