// `POST /internal/jobs/<name>`: how `outlay job` reaches the running server on the embedded database, which only
// one process may open (docs/product-rules.md §11). Only for a caller on this machine that read the server's
// hand-over file: the request must come over loopback, not through a proxy, and carry the file's random token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseIsoInstant } from '../domain/periods/iso-instant.js';
import type { Logger } from '../domain/ports/logger.port.js';

export const INTERNAL_JOBS_PREFIX = '/internal/jobs';

export type InternalJobAnswer =
  | { readonly ok: true; readonly value: Readonly<Record<string, number>> }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: string;
        readonly details?: Readonly<Record<string, string | number | boolean | null>>;
      };
    };

export type InternalJobsOptions = {
  readonly token: string;
  readonly run: (
    name: string,
    at: Date,
    options: { readonly clientCode?: string },
  ) => Promise<InternalJobAnswer>;
  readonly logger: Logger;
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export async function registerInternalJobsRoute(
  app: FastifyInstance,
  options: InternalJobsOptions,
): Promise<void> {
  const expected = digest(options.token);
  app.post<{ Params: { name: string }; Body: unknown }>(
    `${INTERNAL_JOBS_PREFIX}/:name`,
    async (request, reply) => {
      // The socket's own peer, not request.ip: the server trusts proxies, and a proxy is exactly what must not pass.
      const peer = request.raw.socket.remoteAddress ?? '';
      if (!LOOPBACK.has(peer) || request.headers['x-forwarded-for'] !== undefined) {
        return reply.code(404).send({ message: 'Not Found' });
      }
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
      if (bearer === undefined || !timingSafeEqual(digest(bearer), expected)) {
        return reply.code(401).send({ code: 'UNAUTHORISED' });
      }
      const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as {
        readonly at?: unknown;
        readonly client?: unknown;
      };
      const at = typeof body.at === 'string' ? parseIsoInstant(body.at) : undefined;
      if (at === undefined) {
        return reply.code(400).send({ code: 'AT_INVALID', details: { at: String(body.at) } });
      }
      if (body.client !== undefined && typeof body.client !== 'string') {
        return reply.code(400).send({ code: 'CLIENT_INVALID' });
      }
      const { name } = request.params;
      options.logger.info(
        { job: name, at: at.toISOString(), client: body.client },
        'job handed over by outlay job',
      );
      const answer = await options.run(
        name,
        at,
        body.client === undefined ? {} : { clientCode: body.client },
      );
      if (!answer.ok) return reply.code(422).send(answer.error);
      return reply.code(200).send({ job: name, at: at.toISOString(), summary: answer.value });
    },
  );
}
