// GET /metrics on the real HTTP server: Prometheus text, the bearer token when one is set, per-platform request
// counts and latencies, the outbox depth read at scrape time, and the counters handed to the scheduler.
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { consolePlugin } from '../../../src/bots/console/console-plugin.js';
import { type OutboxDepth, platformOfPath, registerMetrics } from '../../../src/bots/http-metrics.js';
import { createHttpServer } from '../../../src/bots/http-server.js';
import {
  createMemoryTranscript,
  createRecordingConversation,
  immediateUnitOfWork,
  ORG,
  silentLogger,
} from './console-harness.js';

const TOKEN = 'metrics-secret-token';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(
  options: { token?: string; depth?: () => Promise<OutboxDepth>; metricsLast?: boolean } = {},
) {
  const registry = new Registry();
  const server = createHttpServer({ logger: silentLogger, readinessChecks: [] });
  app = server;
  const mount = () =>
    registerMetrics(server, {
      registry,
      ...(options.token === undefined ? {} : { token: options.token }),
      outboxDepth: options.depth ?? (async () => ({ pending: 3, delivered: 41, dead: 1 })),
    });
  const metrics = options.metricsLast ? undefined : mount();
  await server.register(consolePlugin, {
    prefix: '/console',
    conversation: createRecordingConversation(),
    transcript: createMemoryTranscript(),
    uow: immediateUnitOfWork,
    organisationId: ORG,
    enabled: true,
    uploadLimitBytes: 1024,
  });
  const counters = metrics ?? mount();
  await server.ready();
  return { server, counters, registry };
}

const scrape = async (server: FastifyInstance, token?: string) =>
  server.inject({
    method: 'GET',
    url: '/metrics',
    ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
  });

/** The value of one sample line, e.g. `outlay_http_requests_total{platform="console",status="2xx"}`. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('answers Prometheus text without a token when none is configured, with the outbox depth read at scrape time', async () => {
    let pending = 3;
    const { server } = await start({ depth: async () => ({ pending, delivered: 41, dead: 1 }) });
    const response = await scrape(server);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(response.body, 'outlay_outbox_messages{status="pending"}')).toBe(3);
    expect(sample(response.body, 'outlay_outbox_messages{status="delivered"}')).toBe(41);
    expect(sample(response.body, 'outlay_outbox_messages{status="dead"}')).toBe(1);
    pending = 7;
    expect(sample((await scrape(server)).body, 'outlay_outbox_messages{status="pending"}')).toBe(7);
  });

  it('with a token, needs it as a bearer token', async () => {
    const { server } = await start({ token: TOKEN });
    const bare = await scrape(server);
    expect(bare.statusCode).toBe(401);
    expect(bare.headers['www-authenticate']).toBe('Bearer');
    expect(bare.body).not.toContain('outlay_');
    expect((await scrape(server, `${TOKEN}x`)).statusCode).toBe(401);
    expect((await scrape(server, TOKEN.slice(0, -1))).statusCode).toBe(401);
    const lowercase = await server.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `bearer ${TOKEN}` },
    });
    expect(lowercase.statusCode).toBe(200);
    const right = await scrape(server, TOKEN);
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('outlay_http_requests_total');
  });

  it('counts and times requests per platform, named by URL prefix', async () => {
    const { server } = await start();
    await server.inject({ method: 'GET', url: '/console/api/people' });
    await server.inject({ method: 'GET', url: '/console/api/people' });
    await server.inject({ method: 'POST', url: '/console/api/message', payload: {} });
    await server.inject({ method: 'POST', url: '/slack/events', payload: {} });
    await server.inject({ method: 'POST', url: '/api/messages', payload: {} });
    await server.inject({ method: 'GET', url: '/wecom/callback?echostr=1' });
    await server.inject({ method: 'GET', url: '/healthz' });
    const text = (await scrape(server)).body;
    expect(sample(text, 'outlay_http_requests_total{platform="console",status="2xx"}')).toBe(2);
    expect(sample(text, 'outlay_http_requests_total{platform="console",status="4xx"}')).toBe(1);
    expect(sample(text, 'outlay_http_requests_total{platform="slack",status="4xx"}')).toBe(1);
    expect(sample(text, 'outlay_http_requests_total{platform="teams",status="4xx"}')).toBe(1);
    expect(sample(text, 'outlay_http_requests_total{platform="wecom",status="4xx"}')).toBe(1);
    expect(sample(text, 'outlay_http_requests_total{platform="other",status="2xx"}')).toBe(1);
    expect(sample(text, 'outlay_http_request_duration_seconds_count{platform="console"}')).toBe(3);
    expect(sample(text, 'outlay_http_request_duration_seconds_bucket{le="+Inf",platform="console"}')).toBe(3);
    expect(sample(text, 'outlay_http_request_duration_seconds_sum{platform="console"}')).toBeGreaterThan(0);
  });

  it('counts requests to plugins registered before it too', async () => {
    const { server } = await start({ metricsLast: true });
    await server.inject({ method: 'GET', url: '/console/api/people' });
    const text = (await scrape(server)).body;
    expect(sample(text, 'outlay_http_requests_total{platform="console",status="2xx"}')).toBe(1);
  });

  it('exposes the job and delivery counters others move', async () => {
    const { server, counters } = await start();
    counters.jobRuns.inc({ job: 'reports', outcome: 'ran' });
    counters.jobRuns.inc({ job: 'reports', outcome: 'ran' });
    counters.jobRuns.inc({ job: 'outbox', outcome: 'failed' });
    counters.outboxDeliveries.inc({ platform: 'console', outcome: 'delivered' }, 5);
    const text = (await scrape(server)).body;
    expect(sample(text, 'outlay_job_runs_total{job="reports",outcome="ran"}')).toBe(2);
    expect(sample(text, 'outlay_job_runs_total{job="outbox",outcome="failed"}')).toBe(1);
    expect(sample(text, 'outlay_outbox_deliveries_total{platform="console",outcome="delivered"}')).toBe(5);
  });

  it('still answers when the outbox cannot be counted, without an outbox number', async () => {
    const { server } = await start({
      depth: async () => {
        throw new Error('database down');
      },
    });
    const response = await scrape(server);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/^outlay_outbox_messages\{/m);
    expect(response.body).toContain('outlay_http_requests_total');
  });
});

describe('platformOfPath', () => {
  it.each([
    ['/slack/events', 'slack'],
    ['/slack/install', 'slack'],
    ['/slack', 'slack'],
    ['/slackers', 'other'],
    ['/api/messages', 'teams'],
    ['/api/messages?x=1', 'teams'],
    ['/api/other', 'other'],
    ['/wecom/callback?msg_signature=a', 'wecom'],
    ['/console', 'console'],
    ['/console/api/feed?as=alice', 'console'],
    ['/metrics', 'other'],
    ['/', 'other'],
  ])('%s → %s', (url, platform) => {
    expect(platformOfPath(url)).toBe(platform);
  });
});
