// Outlay as a deployment runs it: the production build (`node dist/main.js serve`, what the container runs), with
// NODE_ENV=production, Slack mounted against the benchmark's loopback Slack API, and its logs in a file.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT, type ServerProcess, startServerProcess } from './processes.js';
import { BENCH_SIGNING_SECRET, BENCH_TEAM, signedRequest, slashCommandBody } from './slack-requests.js';

export const BENCH_ADMIN = 'UADMIN';
export const BENCH_BOT_TOKEN = 'xoxb-bench-not-a-real-token';

export type OutlayServerOptions = {
  readonly name: string;
  /** PostgreSQL URL; absent: the embedded database under a fresh DATA_DIR. */
  readonly databaseUrl?: string;
  readonly slackApiUrl: string;
  readonly logDir: string;
  readonly env?: Record<string, string>;
  readonly nodeArgs?: readonly string[];
};

export type OutlayServer = ServerProcess & {
  readonly dataDir: string;
  /** Sends one signed `/expense <text>` and resolves with the text of Outlay's answer. */
  command(userId: string, channelId: string, text: string): Promise<string>;
};

let commandCount = 0;

export async function startOutlayServer(options: OutlayServerOptions): Promise<OutlayServer> {
  if (!existsSync(join(REPOSITORY_ROOT, 'dist', 'main.js'))) {
    throw new Error('no production build: run `npm run build` first (the bench:* scripts do)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), `outlay-bench-${options.name}-`));
  const server = await startServerProcess({
    name: options.name,
    args: ['dist/main.js', 'serve'],
    ...(options.nodeArgs === undefined ? {} : { nodeArgs: options.nodeArgs }),
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
      SLACK_API_URL: options.slackApiUrl,
      OUTLAY_ADMINS: `slack:${BENCH_TEAM}:${BENCH_ADMIN}`,
      ...options.env,
    },
    logFile: join(options.logDir, `${options.name}.log`),
    readyPath: '/readyz',
  });
  return {
    ...server,
    dataDir,
    async command(userId, channelId, text) {
      commandCount += 1;
      const request = signedRequest(
        slashCommandBody({
          userId,
          channelId,
          text,
          triggerId: `setup.${process.pid}.${commandCount}`,
          responseUrl: `${options.slackApiUrl.replace(/\/api\/$/, '')}/response/setup-${commandCount}`,
        }),
      );
      const answer = await fetch(`${server.url}/slack/events`, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      const body = await answer.text();
      if (!answer.ok) throw new Error(`Outlay answered ${answer.status} to "${text}": ${body}`);
      return body;
    },
  };
}

/** Runs setup commands in order and fails loudly when Outlay's answer does not say what was expected. */
export async function runSetup(
  outlay: OutlayServer,
  steps: readonly { user: string; channel: string; text: string; expect: RegExp }[],
): Promise<void> {
  for (const step of steps) {
    const answer = await outlay.command(step.user, step.channel, step.text);
    if (!step.expect.test(answer)) {
      throw new Error(`setup "${step.text}" was answered unexpectedly: ${answer.slice(0, 400)}`);
    }
  }
}
