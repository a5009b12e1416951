// Composition root: config → logger → database → repositories → use cases → bots + scheduler → listen.
// The only module that imports across layers; everything else receives what it needs from here.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { JOB_USAGE, runJobCommand } from './composition/run-job-command.js';
import { seedDemo } from './composition/seed-demo.js';
import { buildCoreDeps, openConfiguredDatabase, startServer } from './composition/start-server.js';
import type { Config } from './config/config.js';
import { ConfigError } from './config/config-error.js';
import { parseConfig } from './config/parse-config.js';
import type { Logger } from './domain/ports/logger.port.js';
import { countClients, DEFAULT_ORGANISATION_ID } from './storage/bootstrap-organisation.js';

/** Everything that may carry a secret in a log line; pino replaces the value before it is written. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  '*.token',
  '*.botToken',
  '*.secret',
  '*.password',
  '*.signingSecret',
  '*.clientSecret',
  '*.stateSecret',
  '*.appPassword',
  '*.encodingAesKey',
  '*.secretAccessKey',
  '*.accessToken',
];

/** Logs go to stdout, except for commands whose stdout is their answer (`job`): those log to stderr. */
export function createLogger(config: Pick<Config, 'log' | 'server'>, toStderr = false): Logger {
  return pino(
    {
      level: config.log.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'outlay' },
    },
    pino.destination(toStderr ? 2 : 1),
  );
}

const USAGE = `Usage: outlay [command]

Commands:
  serve              start the server (default; what \`npm start\` runs)
  migrate            apply database migrations and exit
  seed-demo          seed the demo organisation (people, two clients, budgets, months of expenses)
  job <name>         run one scheduler job once and print its summary (see below)
  help               show this text

${JOB_USAGE}`;

/** Runs one command line; resolves to the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command = 'serve'] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }

  let config: Config;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Outlay cannot start: the configuration has problems.\n${error.message}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config, command === 'job');

  switch (command) {
    case 'serve':
      return serveUntilSignalled(config, logger);
    case 'migrate': {
      const database = await openConfiguredDatabase(config);
      try {
        await database.migrate();
        logger.info({ engine: database.engine }, 'migrations applied');
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'seed-demo':
      return runSeedDemo(config, logger);
    case 'job':
      return runJobCommand(argv.slice(1), config, logger, {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    default:
      process.stderr.write(`outlay: unknown command "${command}".\n\n${USAGE}`);
      return 64; // EX_USAGE
  }
}

async function serveUntilSignalled(config: Config, logger: Logger): Promise<number> {
  const server = await startServer(config, logger);
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

async function runSeedDemo(config: Config, logger: Logger): Promise<number> {
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const core = buildCoreDeps(config, database);
    if ((await countClients(database.db, DEFAULT_ORGANISATION_ID)) > 0) {
      process.stderr.write('outlay seed-demo: the organisation already has clients; nothing was seeded.\n');
      return 1;
    }
    await seedDemo(database.db, core, DEFAULT_ORGANISATION_ID);
    logger.info('seeded the demo organisation');
    return 0;
  } finally {
    await database.close();
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

// `node dist/main.js [command]` (the container) runs the CLI directly; bin/outlay.js imports runCli instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
