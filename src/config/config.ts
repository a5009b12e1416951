// The shape every layer receives from main.ts. Layers import these types only; parseConfig builds the value.

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type ConfigLocale = 'en' | 'zh-CN';
export type MicrosoftAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export type ServerConfig = {
  readonly port: number;
  /** Absolute http(s) URL without a trailing slash; signed links and OAuth redirects are built on it. */
  readonly publicUrl: string;
  readonly nodeEnv: NodeEnv;
};

export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string };

export type ReceiptsConfig =
  | { readonly kind: 'disk'; readonly dir: string }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly endpoint?: string;
      readonly region: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
      readonly forcePathStyle: boolean;
    };

export type SlackMode =
  | { readonly kind: 'single'; readonly botToken: string }
  | {
      readonly kind: 'oauth';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly stateSecret: string;
    };

export type SlackConfig = {
  readonly signingSecret: string;
  /** Always ends with a slash, as @slack/web-api appends the method name to it. */
  readonly apiUrl: string;
  readonly mode: SlackMode;
};

export type TeamsConfig =
  /** Local use with the Bot Framework Emulator: every request is accepted unauthenticated. */
  | { readonly kind: 'emulator' }
  | {
      readonly kind: 'bot-framework';
      readonly appId: string;
      readonly appType: MicrosoftAppType;
      /** Absent only for UserAssignedMSI, which authenticates with a managed identity. */
      readonly appPassword?: string;
      /** Present for SingleTenant and UserAssignedMSI. */
      readonly tenantId?: string;
      /** botbuilder's ToBotFromChannelOpenIdMetadataUrl; absent means the public Bot Framework keys. */
      readonly openIdMetadataUrl?: string;
      /**
       * An OAuth 2 token endpoint (`…/oauth2/v2.0/token`) the bot gets its own token from with a plain
       * client-credentials grant, instead of MSAL against login.microsoftonline.com; absent means MSAL.
       */
      readonly tokenEndpoint?: string;
    };

export type WecomConfig = {
  readonly corpId: string;
  readonly agentId: number;
  readonly secret: string;
  readonly token: string;
  /** 43 characters of base64 without padding, as the WeCom admin console shows it. */
  readonly encodingAesKey: string;
  /** No trailing slash, so paths such as `/cgi-bin/gettoken` append directly. */
  readonly apiBase: string;
};

export type Config = {
  readonly server: ServerConfig;
  readonly database: DatabaseConfig;
  /** DATA_DIR as given; the embedded database and disk receipts live in subdirectories of it. */
  readonly dataDir: string;
  readonly log: { readonly level: LogLevel };
  /** The default organisation's locale. */
  readonly locale: ConfigLocale;
  /** Platform identities bootstrapped as admins, e.g. `slack:T123:U456`; deduplicated, in the order given. */
  readonly admins: readonly string[];
  /** Seed a demo organisation into an empty database; always false in production. */
  readonly demo: boolean;
  readonly console: { readonly enabled: boolean; readonly token?: string };
  readonly metrics: { readonly token?: string };
  readonly receipts: ReceiptsConfig;
  /** Absent: the platform is not mounted. */
  readonly slack?: SlackConfig;
  readonly teams?: TeamsConfig;
  readonly wecom?: WecomConfig;
  readonly scheduler: { readonly enabled: boolean };
  readonly outbox: {
    readonly enabled: boolean;
    /** How long a claimed message stays with its worker; a process killed mid-send leaves it due again after this. */
    readonly leaseSeconds: number;
  };
};
