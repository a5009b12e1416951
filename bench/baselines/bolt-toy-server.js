// Baseline "toy": what a user would write with Bolt — an `App` with its default HTTPReceiver and an `/expense`
// handler doing one INSERT, then `ack`. Kept exactly so: a faster baseline would only hide a slower Outlay.
import bolt from '@slack/bolt';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL, { onnotice: () => {} });
await sql`create table if not exists bench_commands (
  id bigserial primary key, team_id text not null, user_id text not null, channel_id text not null,
  trigger_id text not null, text text not null, received_at timestamptz not null default now())`;

const app = new bolt.App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.WARN,
});

app.command('/expense', async ({ command, ack }) => {
  await sql`insert into bench_commands (team_id, user_id, channel_id, trigger_id, text)
            values (${command.team_id}, ${command.user_id}, ${command.channel_id}, ${command.trigger_id}, ${command.text})`;
  await ack({ response_type: 'ephemeral', text: 'Logged' });
});

await app.start(Number(process.env.PORT));
