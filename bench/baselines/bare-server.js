// Baseline "bare": the floor of this stack — fastify, the Slack signature check, one INSERT — and nothing else.
// It is the reference figure's server as written, and stays that way: a faster baseline would only hide a slower
// Outlay. BASELINE_ENGINE=postgres (DATABASE_URL, through postgres.js) or pglite (embedded, under DATA_DIR).
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';

const secret = process.env.SLACK_SIGNING_SECRET ?? '';
const engine = process.env.BASELINE_ENGINE ?? 'postgres';

const TABLE = `create table if not exists bench_commands (
  id bigserial primary key, team_id text not null, user_id text not null, channel_id text not null,
  trigger_id text not null, text text not null, received_at timestamptz not null default now())`;

async function openStore() {
  if (engine === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(process.env.DATA_DIR);
    await db.exec(TABLE);
    return (c) =>
      db.query(
        'insert into bench_commands (team_id, user_id, channel_id, trigger_id, text) values ($1, $2, $3, $4, $5)',
        [c.team_id, c.user_id, c.channel_id, c.trigger_id, c.text],
      );
  }
  const { default: postgres } = await import('postgres');
  const sql = postgres(process.env.DATABASE_URL, { onnotice: () => {} });
  await sql.unsafe(TABLE);
  return (c) =>
    sql`insert into bench_commands (team_id, user_id, channel_id, trigger_id, text)
        values (${c.team_id}, ${c.user_id}, ${c.channel_id}, ${c.trigger_id}, ${c.text})`;
}

const verified = (request) => {
  const timestamp = request.headers['x-slack-request-timestamp'];
  const signature = request.headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${request.body}`).digest('hex')}`,
  );
  const offered = Buffer.from(signature);
  return offered.length === expected.length && timingSafeEqual(offered, expected);
};

const insert = await openStore();
const app = Fastify();
app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
  done(null, body),
);
app.post('/slack/events', async (request, reply) => {
  if (!verified(request)) return reply.code(401).send({ error: 'invalid signature' });
  const command = Object.fromEntries(new URLSearchParams(request.body));
  await insert(command);
  return { response_type: 'ephemeral', text: 'Logged' };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
