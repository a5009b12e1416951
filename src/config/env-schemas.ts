import { z } from 'zod';
import type { ConfigLocale, LogLevel, MicrosoftAppType, NodeEnv } from './config.js';
import type { EnvKey } from './env-keys.js';

// One schema per variable, applied to the trimmed, non-empty raw string. Rules that span several variables
// (a platform's settings belong together) live in parse-config.ts and platform-config.ts.

const text = z.string();

const flag = z.stringbool({ error: 'must be true or false' });

const httpUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `not a valid http(s) URL${what}` })
    .transform((url) => url.replace(/\/+$/, ''));

const oneOf = <const T extends string>(allowed: readonly T[], message: string) =>
  z.string().transform((value, ctx): T => {
    const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      ctx.addIssue(message);
      return z.NEVER;
    }
    return match;
  });

const port = z
  .string()
  .refine((value) => /^\d{1,5}$/.test(value) && Number(value) <= 65_535, {
    error: 'must be a port number from 0 to 65535',
  })
  .transform(Number);

const nodeEnv = z.enum(['development', 'test', 'production'] satisfies NodeEnv[], {
  error: 'must be development, test or production',
});

const logLevel = oneOf<LogLevel>(
  ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  'must be one of fatal, error, warn, info, debug, trace, silent',
);

const locale = oneOf<ConfigLocale>(['en', 'zh-CN'], 'must be en or zh-CN');

const appType = oneOf<MicrosoftAppType>(
  ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'],
  'must be MultiTenant, SingleTenant or UserAssignedMSI',
);

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'not a valid postgres:// URL' })
  .regex(/^postgres(ql)?:\/\//, { error: 'not a valid postgres:// URL' });

const IDENTITY_SHAPES = 'slack:<team>:<user>, teams:<aad object id>, wecom:<corp>:<userid> or console:<name>';

/** Normalises one platform identity, or returns undefined when it has none of the known shapes. */
const normaliseIdentity = (entry: string): string | undefined => {
  if (/^slack:[A-Z0-9]+:[A-Z0-9]+$/.test(entry)) return entry;
  // Teams sends AAD object ids in lower case; accept any case so a pasted id still matches.
  const teams = /^teams:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(entry);
  if (teams?.[1] !== undefined) return `teams:${teams[1].toLowerCase()}`;
  if (/^wecom:[A-Za-z0-9]+:[A-Za-z0-9_.@-]{1,64}$/.test(entry)) return entry;
  if (/^console:[A-Za-z0-9_.@-]{1,64}$/.test(entry)) return entry;
  return undefined;
};

const admins = z.string().transform((value, ctx): string[] => {
  const identities: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const identity = normaliseIdentity(entry);
    if (identity === undefined) {
      ctx.addIssue(`"${entry}" is not a platform identity (expected ${IDENTITY_SHAPES})`);
    } else if (!identities.includes(identity)) {
      identities.push(identity);
    }
  }
  return identities;
});

const bucket = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
  error: 'not a valid S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)',
});

const region = z
  .string()
  .regex(/^[a-z0-9-]+$/, { error: 'not a valid region name (e.g. us-east-1 or auto)' });

const agentId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, { error: "must be the app's numeric AgentId" })
  .transform(Number);

const encodingAesKey = z.string().regex(/^[A-Za-z0-9+/]{43}$/, {
  error: 'must be 43 characters of base64 without padding, as the WeCom admin console shows it',
});

export const ENV_SCHEMAS = {
  PORT: port,
  NODE_ENV: nodeEnv,
  PUBLIC_URL: httpUrl(' (e.g. https://outlay.example.com)'),
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl,
  DATA_DIR: text,
  OUTLAY_ADMINS: admins,
  OUTLAY_LOCALE: locale,
  OUTLAY_DEMO: flag,
  CONSOLE_TOKEN: text,
  METRICS_TOKEN: text,
  SCHEDULER_ENABLED: flag,
  OUTBOX_ENABLED: flag,
  OUTBOX_LEASE_SECONDS: z
    .string()
    .refine((value) => /^\d{1,4}$/.test(value) && Number(value) >= 5 && Number(value) <= 3600, {
      error: 'must be a whole number of seconds from 5 to 3600',
    })
    .transform(Number),
  RECEIPTS_S3_BUCKET: bucket,
  RECEIPTS_S3_ENDPOINT: httpUrl(''),
  RECEIPTS_S3_REGION: region,
  RECEIPTS_S3_ACCESS_KEY_ID: text,
  RECEIPTS_S3_SECRET_ACCESS_KEY: text,
  RECEIPTS_S3_FORCE_PATH_STYLE: flag,
  SLACK_SIGNING_SECRET: text,
  SLACK_BOT_TOKEN: text,
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: text,
  // @slack/web-api appends the method name straight onto this URL, so it must keep its trailing slash.
  SLACK_API_URL: httpUrl('').transform((url) => `${url}/`),
  MICROSOFT_APP_ID: text,
  MICROSOFT_APP_PASSWORD: text,
  MICROSOFT_APP_TENANT_ID: text,
  MICROSOFT_APP_TYPE: appType,
  BOT_OPENID_METADATA_URL: httpUrl(''),
  MICROSOFT_APP_TOKEN_ENDPOINT: httpUrl(''),
  TEAMS_EMULATOR: flag,
  WECOM_CORP_ID: text,
  WECOM_AGENT_ID: agentId,
  WECOM_SECRET: text,
  WECOM_TOKEN: text,
  WECOM_ENCODING_AES_KEY: encodingAesKey,
  WECOM_API_BASE: httpUrl(''),
} satisfies Record<EnvKey, z.ZodType<unknown, string>>;

export type EnvValues = { [K in EnvKey]?: z.output<(typeof ENV_SCHEMAS)[K]> };
