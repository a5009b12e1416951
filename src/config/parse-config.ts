import { join } from 'node:path';
import type { Config, DatabaseConfig } from './config.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { deepFreeze } from './deep-freeze.js';
import type { EnvContext } from './env-context.js';
import { type EnvKey, KNOWN_ENV_KEYS } from './env-keys.js';
import { ENV_SCHEMAS, type EnvValues } from './env-schemas.js';
import {
  buildReceiptsConfig,
  buildSlackConfig,
  buildTeamsConfig,
  buildWecomConfig,
} from './platform-config.js';

export type EnvSource = Readonly<Record<string, string | undefined>>;

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATA_DIR = './data';

/**
 * Reads and validates the environment. This default parameter is the only read of process.env in the codebase;
 * everything else receives the frozen result from main.ts. Throws one ConfigError listing every problem.
 */
export const parseConfig = (env: EnvSource = process.env): Config => {
  const ctx = parseEachKey(readRaw(env));
  const { values } = ctx;

  const nodeEnv = values.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const port = values.PORT ?? DEFAULT_PORT;
  const dataDir = values.DATA_DIR ?? DEFAULT_DATA_DIR;
  // PGlite owns its directory outright, so it gets a subdirectory rather than DATA_DIR itself.
  const database: DatabaseConfig =
    values.DATABASE_URL === undefined
      ? { kind: 'pglite', dataDir: join(dataDir, 'pglite') }
      : { kind: 'postgres', url: values.DATABASE_URL };

  const receipts = buildReceiptsConfig(ctx, dataDir);
  const slack = buildSlackConfig(ctx);
  const teams = buildTeamsConfig(ctx);
  const wecom = buildWecomConfig(ctx);

  if (ctx.issues.length > 0 || receipts === undefined) throw new ConfigError(sortByKey(ctx.issues));

  const consoleToken = values.CONSOLE_TOKEN;
  const metricsToken = values.METRICS_TOKEN;
  return deepFreeze<Config>({
    server: { port, publicUrl: values.PUBLIC_URL ?? `http://localhost:${port}`, nodeEnv },
    database,
    dataDir,
    log: { level: values.LOG_LEVEL ?? 'info' },
    locale: values.OUTLAY_LOCALE ?? 'en',
    admins: values.OUTLAY_ADMINS ?? [],
    demo: !production && (values.OUTLAY_DEMO ?? true),
    // Unauthenticated in development for a zero-setup quick start; production must opt in with a token.
    console: {
      enabled: !production || consoleToken !== undefined,
      ...(consoleToken === undefined ? {} : { token: consoleToken }),
    },
    metrics: metricsToken === undefined ? {} : { token: metricsToken },
    receipts,
    ...(slack === undefined ? {} : { slack }),
    ...(teams === undefined ? {} : { teams }),
    ...(wecom === undefined ? {} : { wecom }),
    scheduler: { enabled: values.SCHEDULER_ENABLED ?? true },
    outbox: { enabled: values.OUTBOX_ENABLED ?? true, leaseSeconds: values.OUTBOX_LEASE_SECONDS ?? 60 },
  });
};

/** Trims every known variable; blank counts as absent so `FOO=` in a .env file means "not set". */
const readRaw = (env: EnvSource): Partial<Record<EnvKey, string>> => {
  const raw: Partial<Record<EnvKey, string>> = {};
  for (const key of KNOWN_ENV_KEYS) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') raw[key] = value;
  }
  return raw;
};

const parseEachKey = (raw: Partial<Record<EnvKey, string>>): EnvContext => {
  const values: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const key of KNOWN_ENV_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    const result = ENV_SCHEMAS[key].safeParse(value);
    if (result.success) {
      values[key] = result.data;
    } else {
      // Several checks on one value can fail with the same wording (a URL that is both unparsable and of the
      // wrong scheme); the operator needs to read it once.
      const messages = new Set(result.error.issues.map((issue) => issue.message));
      for (const message of messages) issues.push({ key, message });
    }
  }
  // Each value was produced by the schema of its own key, which is exactly what EnvValues describes.
  return { raw, values: values as EnvValues, issues };
};

const sortByKey = (issues: readonly ConfigIssue[]): ConfigIssue[] => {
  const rank = (key: string): number => KNOWN_ENV_KEYS.indexOf(key as EnvKey);
  return [...issues].sort((a, b) => rank(a.key) - rank(b.key));
};
