// The configuration decides which platforms are served: with a platform's settings present its endpoint is mounted
// on the one server and guards itself (no valid signature or token, no entry); without them it does not exist.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutlayApp, type OutlayApp, platformsFromConfig } from '../../src/composition/start-server.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

const PLATFORM_ENV = {
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
  MICROSOFT_APP_PASSWORD: 'not-a-real-password',
  MICROSOFT_APP_TYPE: 'MultiTenant',
  BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid',
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'not-a-real-secret',
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  WECOM_API_BASE: 'http://127.0.0.1:9',
};

describe('mounting platforms from the configuration', () => {
  let database: TestDatabase | undefined;
  let outlay: OutlayApp | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await outlay?.close();
    await database?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>) {
    dataDir = await mkdtemp(join(tmpdir(), 'outlay-platforms-'));
    database = await createTestDatabase('pglite');
    const config = parseConfig({ OUTLAY_DEMO: 'false', DATA_DIR: dataDir, ...env });
    outlay = await createOutlayApp({
      config,
      database,
      logger: pino({ level: 'silent' }),
      platforms: platformsFromConfig(config),
    });
    return outlay.app;
  }

  it('serves every configured platform, each refusing unauthenticated requests', async () => {
    const app = await start(PLATFORM_ENV);
    const slack = await app.inject({
      method: 'POST',
      url: '/slack/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'command=%2Fexpense&text=help',
    });
    expect(slack.statusCode).toBe(401);
    const teams = await app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { 'content-type': 'application/json' },
      payload: { type: 'message', text: 'help' },
    });
    expect(teams.statusCode).toBe(401);
    const wecom = await app.inject({
      method: 'GET',
      url: '/wecom/callback?msg_signature=0000&timestamp=1409659589&nonce=1&echostr=abc',
    });
    expect(wecom.statusCode).toBeGreaterThanOrEqual(400);
    expect(wecom.statusCode).toBeLessThan(500);
  });

  it('serves none of them without their settings', async () => {
    const app = await start({});
    for (const url of ['/slack/events', '/api/messages', '/wecom/callback']) {
      expect((await app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(404);
    }
  });
});
