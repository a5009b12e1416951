// One fastify instance serves every platform; each platform arrives later as an encapsulated plugin with its
// own body parser. Here: the server itself, request logging, and the health endpoints.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../domain/ports/logger.port.js';

export type HealthCheck = {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check(): Promise<void>;
};

export type HttpServerOptions = {
  readonly logger: Logger;
  readonly readinessChecks: readonly HealthCheck[];
  /** Upper bound for one readiness probe, so a hung database cannot hang the probe. */
  readonly readinessTimeoutMs?: number;
};

export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    // fastify wants pino itself; our Logger port is pino underneath (main.ts), so hand it over as such.
    loggerInstance: options.logger as unknown as FastifyBaseLogger,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const timeoutMs = options.readinessTimeoutMs ?? 2_000;
    const results = await Promise.all(
      options.readinessChecks.map(async (probe) => {
        try {
          await withTimeout(probe.check(), timeoutMs);
          return { name: probe.name, ok: true as const };
        } catch (error) {
          return {
            name: probe.name,
            ok: false as const,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    if (!ready) options.logger.warn({ checks: results }, 'not ready');
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'unavailable',
      checks: results.map(({ name, ok }) => ({ name, ok })),
    });
  });

  return app;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
