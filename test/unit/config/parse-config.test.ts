import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { describeConfigForLog, REDACTED } from '../../../src/config/describe-config.js';
import { KNOWN_ENV_KEYS, SECRET_ENV_KEYS } from '../../../src/config/env-keys.js';
import { ENV_SCHEMAS } from '../../../src/config/env-schemas.js';
import { parseConfig } from '../../../src/config/parse-config.js';

type Env = Record<string, string | undefined>;

// WeCom's published callback test vector (not a secret): a valid 43-character EncodingAESKey.
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

const SLACK_SINGLE: Env = { SLACK_SIGNING_SECRET: 'slack-signing-secret', SLACK_BOT_TOKEN: 'xoxb-bot-token' };
const WECOM: Env = {
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'wecom-app-secret',
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: AES_KEY,
};
const S3: Env = {
  RECEIPTS_S3_BUCKET: 'outlay-receipts',
  RECEIPTS_S3_ACCESS_KEY_ID: 'AKIAEXAMPLEKEY',
  RECEIPTS_S3_SECRET_ACCESS_KEY: 's3-secret-access-key',
};

/** Runs parseConfig expecting a ConfigError and returns it; fails the test if nothing (or something else) is thrown. */
const configErrorFor = (env: Env): ConfigError => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
};

const issueKeys = (env: Env): string[] => configErrorFor(env).issues.map((issue) => issue.key);

describe('parseConfig defaults', () => {
  it('gives a runnable development setup from an empty environment', () => {
    const config = parseConfig({});
    expect(config).toEqual({
      server: { port: 3000, publicUrl: 'http://localhost:3000', nodeEnv: 'development' },
      database: { kind: 'pglite', dataDir: join('./data', 'pglite') },
      dataDir: './data',
      log: { level: 'info' },
      locale: 'en',
      admins: [],
      demo: true,
      console: { enabled: true },
      metrics: {},
      receipts: { kind: 'disk', dir: join('./data', 'receipts') },
      scheduler: { enabled: true },
      outbox: { enabled: true, leaseSeconds: 60 },
    });
    expect(config.slack).toBeUndefined();
    expect(config.teams).toBeUndefined();
    expect(config.wecom).toBeUndefined();
  });

  it('treats blank and whitespace-only values as absent', () => {
    const config = parseConfig({ PORT: '', DATABASE_URL: '  ', SLACK_BOT_TOKEN: '', OUTLAY_LOCALE: ' ' });
    expect(config.server.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.slack).toBeUndefined();
    expect(config.locale).toBe('en');
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash from an explicit one', () => {
    expect(parseConfig({ PORT: '8080' }).server.publicUrl).toBe('http://localhost:8080');
    expect(parseConfig({ PUBLIC_URL: 'https://outlay.example.com/' }).server.publicUrl).toBe(
      'https://outlay.example.com',
    );
  });

  it('reads the simple settings', () => {
    const config = parseConfig({
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'WARN',
      DATA_DIR: '/var/lib/outlay',
      OUTLAY_LOCALE: 'zh-cn',
      OUTLAY_DEMO: 'false',
      SCHEDULER_ENABLED: '0',
      OUTBOX_ENABLED: 'no',
      OUTBOX_LEASE_SECONDS: '15',
      METRICS_TOKEN: 'metrics-token',
    });
    expect(config.server).toEqual({ port: 0, publicUrl: 'http://localhost:0', nodeEnv: 'test' });
    expect(config.log.level).toBe('warn');
    expect(config.dataDir).toBe('/var/lib/outlay');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/outlay/pglite' });
    expect(config.receipts).toEqual({ kind: 'disk', dir: '/var/lib/outlay/receipts' });
    expect(config.locale).toBe('zh-CN');
    expect(config.demo).toBe(false);
    expect(config.scheduler.enabled).toBe(false);
    expect(config.outbox).toEqual({ enabled: false, leaseSeconds: 15 });
    expect(config.metrics).toEqual({ token: 'metrics-token' });
  });

  it('refuses an outbox lease too short to send one message, too long to wait for, or not whole seconds', () => {
    for (const value of ['4', '3601', '1.5', 'soon']) {
      expect(issueKeys({ OUTBOX_LEASE_SECONDS: value })).toEqual(['OUTBOX_LEASE_SECONDS']);
    }
  });
});

describe('parseConfig database', () => {
  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const url = 'postgres://outlay:pw@db.internal:5432/outlay';
    expect(parseConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
    expect(parseConfig({ DATABASE_URL: 'postgresql://localhost/outlay' }).database.kind).toBe('postgres');
  });

  it.each(['mysql://localhost/outlay', 'localhost:5432', 'not a url', 'postgres:outlay'])(
    'rejects the malformed DATABASE_URL %s',
    (url) => {
      expect(configErrorFor({ DATABASE_URL: url }).issues).toEqual([
        { key: 'DATABASE_URL', message: 'not a valid postgres:// URL' },
      ]);
    },
  );
});

describe('parseConfig production rules', () => {
  it('turns the demo and the token-less console off in production', () => {
    const config = parseConfig({ NODE_ENV: 'production', OUTLAY_DEMO: 'true' });
    expect(config.demo).toBe(false);
    expect(config.console).toEqual({ enabled: false });
  });

  it('keeps the console in production when CONSOLE_TOKEN is set', () => {
    const config = parseConfig({ NODE_ENV: 'production', CONSOLE_TOKEN: 'console-token' });
    expect(config.console).toEqual({ enabled: true, token: 'console-token' });
  });

  it('refuses TEAMS_EMULATOR in production', () => {
    expect(configErrorFor({ NODE_ENV: 'production', TEAMS_EMULATOR: 'true' }).issues).toEqual([
      {
        key: 'TEAMS_EMULATOR',
        message: 'refused when NODE_ENV=production: it mounts Teams without authentication',
      },
    ]);
  });

  it('mounts Teams unauthenticated with TEAMS_EMULATOR outside production', () => {
    expect(parseConfig({ TEAMS_EMULATOR: 'true' }).teams).toEqual({ kind: 'emulator' });
    expect(parseConfig({ TEAMS_EMULATOR: 'false' }).teams).toBeUndefined();
  });
});

describe('parseConfig single-value validation', () => {
  it.each([
    [{ PORT: '70000' }, 'PORT', 'must be a port number from 0 to 65535'],
    [{ PORT: 'http' }, 'PORT', 'must be a port number from 0 to 65535'],
    [{ PORT: '-1' }, 'PORT', 'must be a port number from 0 to 65535'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', 'must be development, test or production'],
    [{ OUTLAY_LOCALE: 'fr' }, 'OUTLAY_LOCALE', 'must be en or zh-CN'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ OUTLAY_DEMO: 'maybe' }, 'OUTLAY_DEMO', 'must be true or false'],
    [
      { PUBLIC_URL: 'ftp://example.com' },
      'PUBLIC_URL',
      'not a valid http(s) URL (e.g. https://outlay.example.com)',
    ],
  ])('rejects %j', (env, key, message) => {
    expect(configErrorFor(env).issues).toEqual([{ key, message }]);
  });

  it('accepts each admin identity shape, trims, deduplicates and lower-cases Teams ids', () => {
    const config = parseConfig({
      OUTLAY_ADMINS:
        ' slack:T123:U456 , teams:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0,wecom:ww123abc:zhang.san,console:alice,,slack:T123:U456',
    });
    expect(config.admins).toEqual([
      'slack:T123:U456',
      'teams:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      'wecom:ww123abc:zhang.san',
      'console:alice',
    ]);
  });

  it('rejects each bad admin identity by name', () => {
    const error = configErrorFor({ OUTLAY_ADMINS: 'slack:T123:U456,alice,teams:not-a-guid,slack:T1' });
    expect(error.issues.map((issue) => issue.key)).toEqual([
      'OUTLAY_ADMINS',
      'OUTLAY_ADMINS',
      'OUTLAY_ADMINS',
    ]);
    expect(error.issues[0]?.message).toMatch(/^"alice" is not a platform identity/);
    expect(error.issues[1]?.message).toMatch(/^"teams:not-a-guid" is not a platform identity/);
    expect(error.issues[2]?.message).toMatch(/^"slack:T1" is not a platform identity/);
  });
});

describe('parseConfig Slack', () => {
  it('mounts a single workspace with the default API URL', () => {
    expect(parseConfig(SLACK_SINGLE).slack).toEqual({
      signingSecret: 'slack-signing-secret',
      apiUrl: 'https://slack.com/api/',
      mode: { kind: 'single', botToken: 'xoxb-bot-token' },
    });
  });

  it('mounts the multi-workspace install and keeps a trailing slash on SLACK_API_URL', () => {
    const slack = parseConfig({
      SLACK_SIGNING_SECRET: 'slack-signing-secret',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      SLACK_API_URL: 'http://127.0.0.1:4100/api',
    }).slack;
    expect(slack).toEqual({
      signingSecret: 'slack-signing-secret',
      apiUrl: 'http://127.0.0.1:4100/api/',
      mode: {
        kind: 'oauth',
        clientId: '123.456',
        clientSecret: 'client-secret',
        stateSecret: 'state-secret',
      },
    });
  });

  it('names the signing secret when only the bot token is set', () => {
    expect(configErrorFor({ SLACK_BOT_TOKEN: 'xoxb-bot-token' }).issues).toEqual([
      { key: 'SLACK_SIGNING_SECRET', message: 'required when SLACK_BOT_TOKEN is set' },
    ]);
  });

  it('names the missing credentials when only the signing secret is set', () => {
    expect(issueKeys({ SLACK_SIGNING_SECRET: 'slack-signing-secret' })).toEqual(['SLACK_BOT_TOKEN']);
  });

  it('names every missing multi-workspace key', () => {
    expect(configErrorFor({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '123.456' }).issues).toEqual([
      { key: 'SLACK_CLIENT_SECRET', message: 'required when SLACK_CLIENT_ID is set' },
      { key: 'SLACK_STATE_SECRET', message: 'required when SLACK_CLIENT_ID is set' },
    ]);
  });

  it('refuses a bot token combined with the multi-workspace install', () => {
    expect(issueKeys({ ...SLACK_SINGLE, SLACK_CLIENT_ID: '123.456' })).toEqual(['SLACK_BOT_TOKEN']);
  });
});

describe('parseConfig Teams', () => {
  it('mounts a multi-tenant bot with the metadata URL override', () => {
    expect(
      parseConfig({
        MICROSOFT_APP_ID: 'app-id',
        MICROSOFT_APP_PASSWORD: 'app-password',
        BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4200/.well-known/openidconfiguration',
      }).teams,
    ).toEqual({
      kind: 'bot-framework',
      appId: 'app-id',
      appType: 'MultiTenant',
      appPassword: 'app-password',
      openIdMetadataUrl: 'http://127.0.0.1:4200/.well-known/openidconfiguration',
    });
  });

  it('takes the bot token endpoint override and refuses one that is not a URL', () => {
    const teams = parseConfig({
      MICROSOFT_APP_ID: 'app-id',
      MICROSOFT_APP_PASSWORD: 'app-password',
      MICROSOFT_APP_TOKEN_ENDPOINT: 'https://login.example.cn/tenant/oauth2/v2.0/token/',
    }).teams;
    expect(teams).toEqual({
      kind: 'bot-framework',
      appId: 'app-id',
      appType: 'MultiTenant',
      appPassword: 'app-password',
      tokenEndpoint: 'https://login.example.cn/tenant/oauth2/v2.0/token',
    });
    expect(
      issueKeys({
        MICROSOFT_APP_ID: 'a',
        MICROSOFT_APP_PASSWORD: 'p',
        MICROSOFT_APP_TOKEN_ENDPOINT: 'login',
      }),
    ).toEqual(['MICROSOFT_APP_TOKEN_ENDPOINT']);
    // On its own it says which settings it belongs with.
    expect(issueKeys({ MICROSOFT_APP_TOKEN_ENDPOINT: 'https://login.example.cn/token' })).toEqual([
      'MICROSOFT_APP_ID',
      'MICROSOFT_APP_PASSWORD',
    ]);
  });

  it('mounts a user-assigned managed identity without a password', () => {
    expect(
      parseConfig({
        MICROSOFT_APP_ID: 'app-id',
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: 't',
      }).teams,
    ).toEqual({ kind: 'bot-framework', appId: 'app-id', appType: 'UserAssignedMSI', tenantId: 't' });
  });

  it('names the password when only the app id is set', () => {
    expect(configErrorFor({ MICROSOFT_APP_ID: 'app-id' }).issues).toEqual([
      { key: 'MICROSOFT_APP_PASSWORD', message: 'required when MICROSOFT_APP_ID is set' },
    ]);
  });

  it('names the app id when only the password is set', () => {
    expect(issueKeys({ MICROSOFT_APP_PASSWORD: 'app-password' })).toEqual(['MICROSOFT_APP_ID']);
  });

  it('names the tenant for a single-tenant bot', () => {
    expect(
      configErrorFor({
        MICROSOFT_APP_ID: 'a',
        MICROSOFT_APP_PASSWORD: 'p',
        MICROSOFT_APP_TYPE: 'SingleTenant',
      }).issues,
    ).toEqual([
      { key: 'MICROSOFT_APP_TENANT_ID', message: 'required when MICROSOFT_APP_TYPE is SingleTenant' },
    ]);
  });

  it('rejects an unknown app type and the emulator mixed with credentials', () => {
    expect(
      issueKeys({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'Tenant' }),
    ).toEqual(['MICROSOFT_APP_TYPE']);
    expect(issueKeys({ TEAMS_EMULATOR: 'true', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p' })).toEqual(
      ['TEAMS_EMULATOR'],
    );
  });
});

describe('parseConfig WeCom', () => {
  it('mounts WeCom with a numeric agent id and the default API base', () => {
    expect(parseConfig(WECOM).wecom).toEqual({
      corpId: 'wx5823bf96d3bd56c7',
      agentId: 1000002,
      secret: 'wecom-app-secret',
      token: 'QDG6eK',
      encodingAesKey: AES_KEY,
      apiBase: 'https://qyapi.weixin.qq.com',
    });
    expect(parseConfig({ ...WECOM, WECOM_API_BASE: 'http://127.0.0.1:4300/' }).wecom?.apiBase).toBe(
      'http://127.0.0.1:4300',
    );
  });

  it('names every missing key when only the corp id is set', () => {
    expect(configErrorFor({ WECOM_CORP_ID: 'ww123' }).issues).toEqual([
      { key: 'WECOM_AGENT_ID', message: 'required when WECOM_CORP_ID is set' },
      { key: 'WECOM_SECRET', message: 'required when WECOM_CORP_ID is set' },
      { key: 'WECOM_TOKEN', message: 'required when WECOM_CORP_ID is set' },
      { key: 'WECOM_ENCODING_AES_KEY', message: 'required when WECOM_CORP_ID is set' },
    ]);
  });

  it.each([AES_KEY.slice(0, 42), `${AES_KEY}=`, `${AES_KEY.slice(0, 42)}!`])(
    'rejects the EncodingAESKey %s',
    (key) => {
      expect(issueKeys({ ...WECOM, WECOM_ENCODING_AES_KEY: key })).toEqual(['WECOM_ENCODING_AES_KEY']);
    },
  );

  it('rejects a non-numeric agent id', () => {
    expect(issueKeys({ ...WECOM, WECOM_AGENT_ID: 'agent' })).toEqual(['WECOM_AGENT_ID']);
  });
});

describe('parseConfig receipts', () => {
  it('stores receipts on S3 when the bucket and keys are set', () => {
    expect(
      parseConfig({
        ...S3,
        RECEIPTS_S3_ENDPOINT: 'http://localhost:9000',
        RECEIPTS_S3_FORCE_PATH_STYLE: 'true',
      }).receipts,
    ).toEqual({
      kind: 's3',
      bucket: 'outlay-receipts',
      endpoint: 'http://localhost:9000',
      region: 'us-east-1',
      accessKeyId: 'AKIAEXAMPLEKEY',
      secretAccessKey: 's3-secret-access-key',
      forcePathStyle: true,
    });
  });

  it('names the keys when only the bucket is set', () => {
    expect(configErrorFor({ RECEIPTS_S3_BUCKET: 'outlay-receipts' }).issues).toEqual([
      { key: 'RECEIPTS_S3_ACCESS_KEY_ID', message: 'required when RECEIPTS_S3_BUCKET is set' },
      { key: 'RECEIPTS_S3_SECRET_ACCESS_KEY', message: 'required when RECEIPTS_S3_BUCKET is set' },
    ]);
  });

  it('names the bucket when only the keys are set', () => {
    expect(issueKeys({ RECEIPTS_S3_ACCESS_KEY_ID: 'a', RECEIPTS_S3_SECRET_ACCESS_KEY: 's' })).toEqual([
      'RECEIPTS_S3_BUCKET',
    ]);
  });
});

describe('ConfigError', () => {
  it('reports several bad keys in one error, one line each', () => {
    const error = configErrorFor({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/outlay',
      OUTLAY_LOCALE: 'de',
      SLACK_BOT_TOKEN: 'xoxb-bot-token',
      WECOM_CORP_ID: 'ww123',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'secret',
      WECOM_TOKEN: 'token',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.issues.map((issue) => issue.key)).toEqual([
      'PORT',
      'DATABASE_URL',
      'OUTLAY_LOCALE',
      'SLACK_SIGNING_SECRET',
      'WECOM_ENCODING_AES_KEY',
    ]);
    expect(error.message.split('\n')).toEqual([
      'Invalid configuration (5 problems):',
      '  PORT: must be a port number from 0 to 65535',
      '  DATABASE_URL: not a valid postgres:// URL',
      '  OUTLAY_LOCALE: must be en or zh-CN',
      '  SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set',
      '  WECOM_ENCODING_AES_KEY: required when WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET and WECOM_TOKEN are set',
    ]);
  });

  it('does not repeat a present-but-invalid key as missing', () => {
    expect(configErrorFor({ ...WECOM, WECOM_AGENT_ID: 'x' }).issues).toEqual([
      { key: 'WECOM_AGENT_ID', message: "must be the app's numeric AgentId" },
    ]);
  });
});

describe('the parsed config', () => {
  it('is deeply frozen', () => {
    const config = parseConfig({ ...SLACK_SINGLE, ...S3, OUTLAY_ADMINS: 'console:alice' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.admins)).toBe(true);
    expect(Object.isFrozen(config.receipts)).toBe(true);
    expect(Object.isFrozen(config.slack?.mode)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(() => {
      (config.admins as string[]).push('console:mallory');
    }).toThrow(TypeError);
  });

  it('describes itself for the log with every secret redacted', () => {
    const env: Env = {
      ...WECOM,
      ...S3,
      DATABASE_URL: 'postgres://outlay:db-password-42@db.internal:5432/outlay?sslpassword=ssl-secret',
      CONSOLE_TOKEN: 'console-token-value',
      METRICS_TOKEN: 'metrics-token-value',
      SLACK_SIGNING_SECRET: 'slack-signing-value',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'slack-client-secret-value',
      SLACK_STATE_SECRET: 'slack-state-secret-value',
      MICROSOFT_APP_ID: 'teams-app-id',
      MICROSOFT_APP_PASSWORD: 'teams-password-value',
    };
    const summary = describeConfigForLog(parseConfig(env));
    const text = JSON.stringify(summary);

    const secretValues = [
      ...SECRET_ENV_KEYS.map((key) => env[key]).filter((value) => value !== undefined),
      'db-password-42',
      'ssl-secret',
    ];
    expect(secretValues.length).toBeGreaterThanOrEqual(11);
    for (const secret of secretValues) expect(text).not.toContain(secret);

    expect(summary.database).toEqual({
      kind: 'postgres',
      url: `postgres://outlay:${REDACTED}@db.internal:5432/outlay`,
    });
    expect(summary.console).toEqual({ enabled: true, token: REDACTED });
    expect(summary.slack).toEqual({
      apiUrl: 'https://slack.com/api/',
      signingSecret: REDACTED,
      mode: { kind: 'oauth', clientId: '123.456', clientSecret: REDACTED, stateSecret: REDACTED },
    });
    expect(summary.wecom).toMatchObject({ corpId: 'wx5823bf96d3bd56c7', agentId: 1000002, token: REDACTED });
    expect(summary.server.port).toBe(3000);
  });

  it('says which platforms are not mounted', () => {
    const summary = describeConfigForLog(parseConfig({}));
    expect([summary.slack, summary.teams, summary.wecom]).toEqual([
      'not mounted',
      'not mounted',
      'not mounted',
    ]);
  });
});

describe('.env.example', () => {
  const exampleLines = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8').split('\n');
  const examples = exampleLines.flatMap((line) => {
    const match = /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    return match?.[1] === undefined || match[2] === undefined ? [] : [{ key: match[1], value: match[2] }];
  });

  it('documents every variable parseConfig reads, and nothing else', () => {
    expect(examples.map((example) => example.key).sort()).toEqual([...KNOWN_ENV_KEYS].sort());
  });

  it('sets nothing: every variable is commented out', () => {
    expect(exampleLines.filter((line) => /^[A-Z]/.test(line))).toEqual([]);
  });

  it('shows an example value each variable accepts', () => {
    for (const { key, value } of examples) {
      const schema = ENV_SCHEMAS[key as keyof typeof ENV_SCHEMAS];
      expect(schema.safeParse(value).success, `${key}=${value}`).toBe(true);
    }
  });
});
