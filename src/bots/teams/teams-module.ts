// Microsoft Teams for Outlay, on botbuilder 4 (the Bot Framework SDK). That SDK is archived: Microsoft no longer
// services it after 2025-12-31 and points to the Teams SDK (`@microsoft/teams.apps`, built on the Microsoft 365
// Agents SDK). Everything that touches botbuilder lives in this folder behind PlatformModule, so moving to the
// successor replaces these files and nothing else.
import type { FastifyPluginAsync } from 'fastify';
import type { TeamsConfig } from '../../config/config.js';
import type { PlatformContext, PlatformModule } from '../shared/platform-module.js';
import {
  type AuthenticatingCloudAdapter,
  createTeamsAdapter,
  processWithFastify,
  type TeamsAdapterOptions,
} from './teams-adapter.js';
import { createTeamsTurnHandler } from './teams-bot.js';
import { TEAMS_PLATFORM } from './teams-inbound.js';
import { createTeamsNotifier } from './teams-notifier.js';
import { createTeamsOutbound, type TeamsOutbound } from './teams-outbound.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export type TeamsModuleOptions = TeamsAdapterOptions & {
  /** The largest receipt file downloaded from Teams (default 10 MB). */
  readonly fileLimitBytes?: number;
};

const JSON_BODY_LIMIT = 1024 * 1024;
const FILE_LIMIT_BYTES = 10 * 1024 * 1024;

/** Reads a shared file, refusing anything larger than `limit` before it is all in memory. */
const downloader =
  (fetchFn: typeof fetch, limit: number) =>
  async (url: string, authorization?: string): Promise<Uint8Array> => {
    const response = await fetchFn(url, authorization === undefined ? {} : { headers: { authorization } });
    if (!response.ok || response.body === null)
      throw new Error(`the file download answered ${response.status}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > limit) throw new Error(`the file is larger than ${limit} bytes`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  };

export function createTeamsModule(config: TeamsConfig, options: TeamsModuleOptions = {}): PlatformModule {
  const appId = config.kind === 'emulator' ? '' : config.appId;
  // One adapter per module: the route and the notifier share it (and its OpenID key cache).
  let adapter: AuthenticatingCloudAdapter | undefined;
  let outbound: TeamsOutbound | undefined;
  const adapterFor = (context: PlatformContext): AuthenticatingCloudAdapter => {
    adapter ??= createTeamsAdapter(config, context.logger, options);
    return adapter;
  };
  const outboundFor = (context: PlatformContext): TeamsOutbound => {
    outbound ??= createTeamsOutbound(adapterFor(context), appId);
    return outbound;
  };

  return {
    platform: TEAMS_PLATFORM,
    async register(app, context) {
      const cloudAdapter = adapterFor(context);
      const logic = createTeamsTurnHandler({
        conversation: context.conversation,
        download: downloader(options.fetch ?? fetch, options.fileLimitBytes ?? FILE_LIMIT_BYTES),
        uow: context.uow,
        records: context.records,
        organisationId: context.organisationId,
        logger: context.logger.child({ platform: TEAMS_PLATFORM }),
        outbound: outboundFor(context),
      });
      const plugin: FastifyPluginAsync = async (scope) => {
        scope.post(TEAMS_MESSAGES_PATH, { bodyLimit: JSON_BODY_LIMIT }, (request, reply) =>
          processWithFastify(cloudAdapter, request, reply, logic),
        );
      };
      await app.register(plugin);
    },
    notifier(context) {
      return createTeamsNotifier(context, outboundFor(context));
    },
  };
}
