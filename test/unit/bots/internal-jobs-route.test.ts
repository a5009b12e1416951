import Fastify from 'fastify';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerInternalJobsRoute } from '../../../src/bots/internal-jobs-route.js';

const TOKEN = 'a-long-random-hand-over-token';

describe('POST /internal/jobs/<name>', () => {
  let app: ReturnType<typeof Fastify>;
  let runs: { name: string; at: string; clientCode?: string }[];

  beforeEach(async () => {
    runs = [];
    app = Fastify();
    await registerInternalJobsRoute(app, {
      token: TOKEN,
      logger: pino({ level: 'silent' }),
      run: async (name, at, options) => {
        runs.push({ name, at: at.toISOString(), ...options });
        if (options.clientCode === 'initech') {
          return { ok: false, error: { code: 'UNKNOWN_CLIENT', details: { client: 'initech' } } };
        }
        return { ok: true, value: { enqueued: 1 } };
      },
    });
  });
  afterEach(async () => {
    await app.close();
  });

  const post = (options: {
    remoteAddress?: string;
    headers?: Record<string, string>;
    body?: unknown;
    name?: string;
  }) =>
    app.inject({
      method: 'POST',
      url: `/internal/jobs/${options.name ?? 'reports'}`,
      remoteAddress: options.remoteAddress ?? '127.0.0.1',
      headers: { authorization: `Bearer ${TOKEN}`, ...options.headers },
      payload: (options.body ?? { at: '2026-03-02T09:00:00+08:00' }) as object,
    });

  it('runs the job as of the instant given and answers its summary', async () => {
    const response = await post({ body: { at: '2026-03-02T09:00:00+08:00', client: 'acme' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      job: 'reports',
      at: '2026-03-02T01:00:00.000Z',
      summary: { enqueued: 1 },
    });
    expect(runs).toEqual([{ name: 'reports', at: '2026-03-02T01:00:00.000Z', clientCode: 'acme' }]);
  });

  it('accepts IPv6 loopback', async () => {
    expect((await post({ remoteAddress: '::1' })).statusCode).toBe(200);
  });

  it('is not there for a caller on another machine, or one behind a proxy', async () => {
    expect((await post({ remoteAddress: '10.1.2.3' })).statusCode).toBe(404);
    expect((await post({ headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404);
    expect(runs).toEqual([]);
  });

  it('refuses a missing or wrong token', async () => {
    expect((await post({ headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    expect((await post({ headers: { authorization: '' } })).statusCode).toBe(401);
    expect(runs).toEqual([]);
  });

  it('refuses an instant without a UTC offset, or no instant at all', async () => {
    for (const body of [
      { at: '2026-03-02T09:00:00' },
      { at: 'monday' },
      {},
      { at: '2026-02-30T09:00:00Z' },
    ]) {
      const response = await post({ body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'AT_INVALID' });
    }
    expect(runs).toEqual([]);
  });

  it('passes a refusal on with its code', async () => {
    const response = await post({ body: { at: '2026-03-02T01:00:00Z', client: 'initech' } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'UNKNOWN_CLIENT', details: { client: 'initech' } });
  });
});
