// botbuilder's CloudAdapter, configured from Outlay's TeamsConfig, and the request/response shim that lets it run
// inside fastify (it expects restify/express objects). The adapter verifies every inbound JWT against the Bot
// Framework's OpenID keys (or BOT_OPENID_METADATA_URL) and answers 401 before any Outlay code runs.
import {
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

export function createTeamsAdapter(
  config: TeamsConfig,
  logger: Logger,
  options: TeamsAdapterOptions = {},
): CloudAdapter {
  const settings = botFrameworkSettings(config);
  const tokenEndpoint =
    options.tokenEndpoint ?? (config.kind === 'bot-framework' ? config.tokenEndpoint : undefined);
  const factory =
    tokenEndpoint === undefined
      ? undefined
      : new TokenEndpointCredentialFactory(settings, tokenEndpoint, options.fetch ?? fetch);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, factory));
  adapter.onTurnError = async (context, error) => {
    // Answering 200 keeps Teams from resending a message whose handling failed half-way; the log has the cause.
    logger.error(
      { err: error, activityType: context.activity.type, activityId: context.activity.id },
      'a Teams turn failed',
    );
  };
  return adapter;
}

/**
 * Runs one POST through the adapter with a response object it accepts, then sends what it wrote with fastify.
 * Authentication failures come back from botbuilder as 401 with the reason; the reason stays in our log.
 */
export async function processWithFastify(
  adapter: CloudAdapter,
  request: FastifyRequest,
  reply: FastifyReply,
  logic: (context: TurnContext) => Promise<void>,
): Promise<FastifyReply> {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  const response = {
    socket: request.raw.socket,
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      headers[name] = String(value);
      return response;
    },
    send(sent: unknown) {
      body = sent;
      return response;
    },
    end() {
      return response;
    },
  };
  await adapter.process(
    { body: request.body as Record<string, unknown>, headers: request.headers, method: request.method },
    response,
    logic,
  );
  if (status === 401 || status >= 500) {
    request.log.warn(
      { status, reason: typeof body === 'string' ? body : undefined },
      'Teams request refused',
    );
    return reply.code(status).send({ error: status === 401 ? 'unauthorized' : 'error' });
  }
  reply.code(status).headers(headers);
  return body === undefined ? reply.send() : reply.send(body);
}
