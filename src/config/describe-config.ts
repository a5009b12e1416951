import type {
  Config,
  DatabaseConfig,
  ReceiptsConfig,
  SlackConfig,
  TeamsConfig,
  WecomConfig,
} from './config.js';

export const REDACTED = '[redacted]';
const NOT_MOUNTED = 'not mounted';

// Every field is copied explicitly: a setting added to Config later stays out of the logs until someone decides
// it is safe to show, instead of leaking by default.

/** A JSON-friendly view of the configuration for the startup log line; every secret reads "[redacted]". */
export const describeConfigForLog = (config: Config) => ({
  server: { ...config.server },
  database: describeDatabase(config.database),
  dataDir: config.dataDir,
  log: { level: config.log.level },
  locale: config.locale,
  admins: [...config.admins],
  demo: config.demo,
  console: { enabled: config.console.enabled, ...redactIfSet('token', config.console.token) },
  metrics: { ...redactIfSet('token', config.metrics.token) },
  receipts: describeReceipts(config.receipts),
  slack: config.slack === undefined ? NOT_MOUNTED : describeSlack(config.slack),
  teams: config.teams === undefined ? NOT_MOUNTED : describeTeams(config.teams),
  wecom: config.wecom === undefined ? NOT_MOUNTED : describeWecom(config.wecom),
  scheduler: { enabled: config.scheduler.enabled },
  outbox: { enabled: config.outbox.enabled },
});

export type ConfigSummary = ReturnType<typeof describeConfigForLog>;

const redactIfSet = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [key]: REDACTED } as Record<K, string>);

/** Keeps where the database is, drops the password and the query string (which may carry sslpassword). */
export const maskDatabaseUrl = (url: string): string => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  const password = parsed.password === '' ? '' : `:${REDACTED}`;
  const userInfo = parsed.username === '' ? '' : `${parsed.username}${password}@`;
  return `${parsed.protocol}//${userInfo}${parsed.host}${parsed.pathname}`;
};

const describeDatabase = (database: DatabaseConfig) =>
  database.kind === 'postgres'
    ? { kind: database.kind, url: maskDatabaseUrl(database.url) }
    : { kind: database.kind, dataDir: database.dataDir };

const describeReceipts = (receipts: ReceiptsConfig) =>
  receipts.kind === 'disk'
    ? { kind: receipts.kind, dir: receipts.dir }
    : {
        kind: receipts.kind,
        bucket: receipts.bucket,
        ...(receipts.endpoint === undefined ? {} : { endpoint: receipts.endpoint }),
        region: receipts.region,
        forcePathStyle: receipts.forcePathStyle,
        accessKeyId: REDACTED,
        secretAccessKey: REDACTED,
      };

const describeSlack = (slack: SlackConfig) => ({
  apiUrl: slack.apiUrl,
  signingSecret: REDACTED,
  mode:
    slack.mode.kind === 'single'
      ? { kind: slack.mode.kind, botToken: REDACTED }
      : {
          kind: slack.mode.kind,
          clientId: slack.mode.clientId,
          clientSecret: REDACTED,
          stateSecret: REDACTED,
        },
});

const describeTeams = (teams: TeamsConfig) =>
  teams.kind === 'emulator'
    ? { kind: teams.kind }
    : {
        kind: teams.kind,
        appId: teams.appId,
        appType: teams.appType,
        ...redactIfSet('appPassword', teams.appPassword),
        ...(teams.tenantId === undefined ? {} : { tenantId: teams.tenantId }),
        ...(teams.openIdMetadataUrl === undefined ? {} : { openIdMetadataUrl: teams.openIdMetadataUrl }),
        ...(teams.tokenEndpoint === undefined ? {} : { tokenEndpoint: teams.tokenEndpoint }),
      };

const describeWecom = (wecom: WecomConfig) => ({
  corpId: wecom.corpId,
  agentId: wecom.agentId,
  apiBase: wecom.apiBase,
  secret: REDACTED,
  token: REDACTED,
  encodingAesKey: REDACTED,
});
