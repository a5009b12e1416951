import { join } from 'node:path';
import type {
  MicrosoftAppType,
  ReceiptsConfig,
  SlackConfig,
  SlackMode,
  TeamsConfig,
  WecomConfig,
} from './config.js';
import { describeSet, type EnvContext, isSet, keysSet, report, requireKeys } from './env-context.js';
import {
  type EnvKey,
  MICROSOFT_ENV_KEYS,
  RECEIPTS_S3_ENV_KEYS,
  SLACK_ENV_KEYS,
  SLACK_OAUTH_ENV_KEYS,
  WECOM_ENV_KEYS,
} from './env-keys.js';

// Each builder returns undefined when its settings are absent (not mounted) or when it reported a problem;
// parseConfig throws before the second case can be mistaken for the first.

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com';
export const DEFAULT_S3_REGION = 'us-east-1';

const SLACK_MODES_HINT =
  'SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the multi-workspace install';

export const buildSlackConfig = (ctx: EnvContext): SlackConfig | undefined => {
  const present = keysSet(ctx, SLACK_ENV_KEYS);
  if (present.length === 0) return undefined;
  const { values } = ctx;
  requireKeys(ctx, ['SLACK_SIGNING_SECRET'], present);

  const oauthPresent = keysSet(ctx, SLACK_OAUTH_ENV_KEYS);
  let mode: SlackMode | undefined;
  if (isSet(ctx, 'SLACK_BOT_TOKEN') && oauthPresent.length > 0) {
    report(
      ctx,
      'SLACK_BOT_TOKEN',
      `cannot be combined with ${oauthPresent.join(', ')}: set ${SLACK_MODES_HINT}`,
    );
  } else if (oauthPresent.length > 0) {
    requireKeys(ctx, SLACK_OAUTH_ENV_KEYS, oauthPresent);
    const {
      SLACK_CLIENT_ID: clientId,
      SLACK_CLIENT_SECRET: clientSecret,
      SLACK_STATE_SECRET: stateSecret,
    } = values;
    if (clientId !== undefined && clientSecret !== undefined && stateSecret !== undefined) {
      mode = { kind: 'oauth', clientId, clientSecret, stateSecret };
    }
  } else if (values.SLACK_BOT_TOKEN !== undefined) {
    mode = { kind: 'single', botToken: values.SLACK_BOT_TOKEN };
  } else {
    report(ctx, 'SLACK_BOT_TOKEN', `required when ${describeSet(present)} (set ${SLACK_MODES_HINT})`);
  }

  if (mode === undefined || values.SLACK_SIGNING_SECRET === undefined) return undefined;
  return {
    signingSecret: values.SLACK_SIGNING_SECRET,
    apiUrl: values.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
    mode,
  };
};

const REQUIRED_BY_APP_TYPE: Record<MicrosoftAppType, readonly EnvKey[]> = {
  MultiTenant: ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD'],
  SingleTenant: ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'],
  // A user-assigned managed identity has no password; the tenant tells MSAL where the identity lives.
  UserAssignedMSI: ['MICROSOFT_APP_ID', 'MICROSOFT_APP_TENANT_ID'],
};

export const buildTeamsConfig = (ctx: EnvContext): TeamsConfig | undefined => {
  const { values } = ctx;
  const present = keysSet(ctx, MICROSOFT_ENV_KEYS);

  if (values.TEAMS_EMULATOR === true) {
    if (values.NODE_ENV === 'production') {
      report(
        ctx,
        'TEAMS_EMULATOR',
        'refused when NODE_ENV=production: it mounts Teams without authentication',
      );
      return undefined;
    }
    if (present.length > 0) {
      // Mixing the two would leave an operator unsure whether requests are authenticated.
      report(
        ctx,
        'TEAMS_EMULATOR',
        `cannot be combined with ${present.join(', ')}: the emulator mode turns authentication off`,
      );
      return undefined;
    }
    return { kind: 'emulator' };
  }

  if (present.length === 0) return undefined;
  const appType = values.MICROSOFT_APP_TYPE ?? 'MultiTenant';
  const required = REQUIRED_BY_APP_TYPE[appType];
  for (const key of required) {
    if (isSet(ctx, key)) continue;
    const message =
      key === 'MICROSOFT_APP_TENANT_ID'
        ? `required when MICROSOFT_APP_TYPE is ${appType}`
        : `required when ${describeSet(present.filter((other) => other !== key))}`;
    report(ctx, key, message);
  }

  const {
    MICROSOFT_APP_ID: appId,
    MICROSOFT_APP_PASSWORD: appPassword,
    MICROSOFT_APP_TENANT_ID: tenantId,
    BOT_OPENID_METADATA_URL: openIdMetadataUrl,
    MICROSOFT_APP_TOKEN_ENDPOINT: tokenEndpoint,
  } = values;
  if (appId === undefined || required.some((key) => values[key] === undefined)) return undefined;
  return {
    kind: 'bot-framework',
    appId,
    appType,
    ...(appPassword === undefined ? {} : { appPassword }),
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(openIdMetadataUrl === undefined ? {} : { openIdMetadataUrl }),
    ...(tokenEndpoint === undefined ? {} : { tokenEndpoint }),
  };
};

export const buildWecomConfig = (ctx: EnvContext): WecomConfig | undefined => {
  const present = keysSet(ctx, WECOM_ENV_KEYS);
  if (present.length === 0) return undefined;
  requireKeys(
    ctx,
    WECOM_ENV_KEYS.filter((key) => key !== 'WECOM_API_BASE'),
    present,
  );

  const {
    WECOM_CORP_ID: corpId,
    WECOM_AGENT_ID: agentId,
    WECOM_SECRET: secret,
    WECOM_TOKEN: token,
    WECOM_ENCODING_AES_KEY: encodingAesKey,
  } = ctx.values;
  if (
    corpId === undefined ||
    agentId === undefined ||
    secret === undefined ||
    token === undefined ||
    encodingAesKey === undefined
  ) {
    return undefined;
  }
  return {
    corpId,
    agentId,
    secret,
    token,
    encodingAesKey,
    apiBase: ctx.values.WECOM_API_BASE ?? DEFAULT_WECOM_API_BASE,
  };
};

export const buildReceiptsConfig = (ctx: EnvContext, dataDir: string): ReceiptsConfig | undefined => {
  const present = keysSet(ctx, RECEIPTS_S3_ENV_KEYS);
  if (present.length === 0) return { kind: 'disk', dir: join(dataDir, 'receipts') };
  requireKeys(
    ctx,
    ['RECEIPTS_S3_BUCKET', 'RECEIPTS_S3_ACCESS_KEY_ID', 'RECEIPTS_S3_SECRET_ACCESS_KEY'],
    present,
  );

  const {
    RECEIPTS_S3_BUCKET: bucket,
    RECEIPTS_S3_ENDPOINT: endpoint,
    RECEIPTS_S3_REGION: region,
    RECEIPTS_S3_ACCESS_KEY_ID: accessKeyId,
    RECEIPTS_S3_SECRET_ACCESS_KEY: secretAccessKey,
    RECEIPTS_S3_FORCE_PATH_STYLE: forcePathStyle,
  } = ctx.values;
  if (bucket === undefined || accessKeyId === undefined || secretAccessKey === undefined) return undefined;
  return {
    kind: 's3',
    bucket,
    ...(endpoint === undefined ? {} : { endpoint }),
    region: region ?? DEFAULT_S3_REGION,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: forcePathStyle ?? false,
  };
};
