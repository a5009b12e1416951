// botbuilder's CloudAdapter, configured from Outlay's TeamsConfig, and how a fastify request runs through it. Every
// inbound JWT is verified against the Bot Framework's OpenID keys (or BOT_OPENID_METADATA_URL) before anything else
// reads the request, and whatever that verification throws is a 401 before any Outlay code runs.
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TeamsConfig } from '../../config/config.js';
import type { Logger } from '../../domain/ports/logger.port.js';

type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export type TeamsAdapterOptions = {
  /**
   * An OAuth 2 token endpoint (`…/oauth2/v2.0/token`) for the bot's own client-credentials token, used instead of
   * MSAL and login.microsoftonline.com (which needs https): a sovereign or private cloud, or a test's loopback fake.
   * Overrides MICROSOFT_APP_TOKEN_ENDPOINT.
   */
  readonly tokenEndpoint?: string;
  readonly fetch?: typeof fetch;
};

// botbuilder's public-cloud values. Setting any one endpoint (the OpenID metadata URL, say) switches botbuilder to
// "everything is configured", leaving the rest empty — an empty issuer refuses every token — so all are spelled out.
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
} as const;

/** botbuilder's configuration keys for our config. The emulator has no app id, which turns authentication off. */
export const botFrameworkSettings = (config: TeamsConfig): ConfigurationBotFrameworkAuthenticationOptions =>
  config.kind === 'emulator'
    ? {}
    : {
        MicrosoftAppId: config.appId,
        MicrosoftAppType: config.appType,
        ...(config.appPassword === undefined ? {} : { MicrosoftAppPassword: config.appPassword }),
        ...(config.tenantId === undefined ? {} : { MicrosoftAppTenantId: config.tenantId }),
        ...(config.openIdMetadataUrl === undefined
          ? {}
          : { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl }),
      };

type CachedToken = { readonly token: string; readonly expiresAt: number };

/**
 * The password factory's checks (which app ids are ours, whether auth is on) with tokens from `tokenEndpoint`:
 * a plain client-credentials grant, cached per audience until a minute before it expires.
 */
class TokenEndpointCredentialFactory extends ConfigurationServiceClientCredentialFactory {
  readonly #cache = new Map<string, CachedToken>();

  constructor(
    settings: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly endpoint: string,
    private readonly fetchFn: typeof fetch,
  ) {
    super(settings);
  }

  override async createCredentials(appId: string, audience: string): Promise<Credentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const token = () => this.#token(appId, audience);
    const credentials = {
      async signRequest<R extends { headers: { set(name: string, value: string): void } }>(request: R) {
        request.headers.set('Authorization', `Bearer ${await token()}`);
        return request;
      },
    };
    return credentials as unknown as Credentials;
  }

  async #token(appId: string, audience: string): Promise<string> {
    const cached = this.#cache.get(audience);
    if (cached !== undefined && cached.expiresAt > Date.now()) return cached.token;
    const response = await this.fetchFn(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: appId,
        client_secret: this.password ?? '',
        scope: `${audience.replace(/\/$/, '')}/.default`,
      }),
    });
    if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('the token endpoint sent no access_token');
    const lifetimeS = typeof body.expires_in === 'number' ? body.expires_in : 3_600;
    this.#cache.set(audience, {
      token: body.access_token,
      expiresAt: Date.now() + Math.max(0, lifetimeS - 60) * 1_000,
    });
    return body.access_token;
  }
}

/** What one POST to the messaging endpoint came to. */
export type InboundOutcome =
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'answered'; readonly status: number; readonly body?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The activity as botbuilder's own `process` hands it on: its ISO timestamps read as dates, the text kept beside. */
const activityOf = (body: Record<string, unknown>): Activity => {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const text = activity[field];
    if (typeof text !== 'string') continue;
    activity[raw] = text;
    activity[field] = new Date(text);
  }
  return activity as unknown as Activity;
};

/**
 * CloudAdapter with the order of its `process` reversed: authenticate first, then read the body. botbuilder's own
 * `process` checks the body's shape before the token (so an unauthenticated `{}` learns about activity types) and
 * lets every token failure but an expired or unknown key escape as a plain error — a 500 for `alg: none`, an HS256
 * token keyed with the public key, a bad signature under a published `kid` or a future `nbf`. Here any failure to
 * authenticate is a refusal, whatever botbuilder or jsonwebtoken threw.
 */
export class AuthenticatingCloudAdapter extends CloudAdapter {
  async processInbound(
    body: unknown,
    authorization: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InboundOutcome> {
    let authenticated: Authenticated;
    try {
      // What the token is checked against (serviceUrl, channelId) comes from the body; a body that is not even an
      // object claims nothing, so only a token needing no claims (authentication off: the emulator) gets through.
      const claimed = (isRecord(body) ? body : {}) as unknown as Activity;
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(claimed, authorization);
    } catch (error) {
      return { kind: 'refused', reason: error instanceof Error ? error.message : String(error) };
    }
    if (!isRecord(body) || typeof body.type !== 'string') return { kind: 'malformed' };
    const answer = await this.processActivity(authenticated, activityOf(body), logic);
    return { kind: 'answered', status: answer?.status ?? 200, body: answer?.body };
  }
}

export function createTeamsAdapter(
  config: TeamsConfig,
  logger: Logger,
  options: TeamsAdapterOptions = {},
): AuthenticatingCloudAdapter {
  const settings = botFrameworkSettings(config);
  const tokenEndpoint =
    options.tokenEndpoint ?? (config.kind === 'bot-framework' ? config.tokenEndpoint : undefined);
  const factory =
    tokenEndpoint === undefined
      ? undefined
      : new TokenEndpointCredentialFactory(settings, tokenEndpoint, options.fetch ?? fetch);
  const adapter = new AuthenticatingCloudAdapter(
    new ConfigurationBotFrameworkAuthentication(settings, factory),
  );
  adapter.onTurnError = async (context, error) => {
    // Answering 200 keeps Teams from resending a message whose handling failed half-way; the log has the cause.
    logger.error(
      { err: error, activityType: context.activity.type, activityId: context.activity.id },
      'a Teams turn failed',
    );
  };
  return adapter;
}

const authorizationOf = (request: FastifyRequest): string => {
  const value = request.headers.authorization;
  return typeof value === 'string' ? value : '';
};

/**
 * Runs one POST through the adapter and answers with fastify. A refusal is 401 with nothing but "unauthorized"
 * (the reason stays in our log); a body that authenticated but is no activity is 400.
 */
export async function processWithFastify(
  adapter: AuthenticatingCloudAdapter,
  request: FastifyRequest,
  reply: FastifyReply,
  logic: (context: TurnContext) => Promise<void>,
): Promise<FastifyReply> {
  const outcome = await adapter.processInbound(request.body, authorizationOf(request), logic);
  if (outcome.kind === 'refused') {
    request.log.warn({ reason: outcome.reason }, 'Teams request refused');
    return reply.code(401).send({ error: 'unauthorized' });
  }
  if (outcome.kind === 'malformed') {
    request.log.warn('Teams request without an activity');
    return reply.code(400).send({ error: 'not an activity' });
  }
  if (outcome.status >= 500) {
    request.log.warn({ status: outcome.status }, 'Teams turn answered with an error');
    return reply.code(outcome.status).send({ error: 'error' });
  }
  reply.code(outcome.status);
  return outcome.body === undefined ? reply.send() : reply.send(outcome.body);
}
