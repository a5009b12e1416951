// WeCom (企业微信) as a platform module: the callback routes under /wecom and the notifier, sharing one API client
// (one cached access token per app) and one messenger.
import { randomUUID } from 'node:crypto';
import type { WecomConfig } from '../../config/config.js';
import type { ChatNotifier } from '../../domain/ports/chat-notifier.port.js';
import type { PlatformContext, PlatformModule } from '../shared/platform-module.js';
import { createWecomApiClient, type WecomApiClient } from './wecom-api-client.js';
import { WECOM_PREFIX, wecomCallbackPlugin } from './wecom-callback-plugin.js';
import { wecomTaskId } from './wecom-card.js';
import { createWecomMessenger, type WecomMessenger } from './wecom-messenger.js';
import { createWecomNotifier } from './wecom-notifier.js';

export type WecomModuleOptions = {
  /** Replaces the global fetch of the API client (tests observe or break the network with it). */
  readonly fetch?: typeof fetch;
  /** Task ids of reply cards; random by default. */
  readonly newTaskId?: () => string;
  /** Messages per member per minute before the notifier holds back; WeCom drops more than 30. */
  readonly perMemberPerMinute?: number;
  /** The organisation's language, for senders Outlay does not know yet. Default en. */
  readonly locale?: 'en' | 'zh-CN';
  /** Pauses between tries of a callback whose handling failed (see the callback plugin). */
  readonly retryDelaysMs?: readonly number[];
  /** Waits before such a retry; tests pass one that does not sleep. */
  readonly wait?: (ms: number) => Promise<void>;
};

export type WecomModule = PlatformModule & {
  /** Resolves when every callback accepted so far has been handled (answers go out before the work is done). */
  whenIdle(): Promise<void>;
};

export function createWecomModule(config: WecomConfig, options: WecomModuleOptions = {}): WecomModule {
  const pending = new Set<Promise<void>>();
  let api: WecomApiClient | undefined;
  let messenger: WecomMessenger | undefined;

  const messengerFor = (context: PlatformContext): WecomMessenger => {
    api ??= createWecomApiClient({
      apiBase: config.apiBase,
      corpId: config.corpId,
      secret: config.secret,
      clock: context.clock,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    messenger ??= createWecomMessenger({
      api,
      agentId: config.agentId,
      organisationId: context.organisationId,
      uow: context.uow,
      records: context.records,
      clock: context.clock,
      ...(options.perMemberPerMinute === undefined ? {} : { perMemberPerMinute: options.perMemberPerMinute }),
    });
    return messenger;
  };

  return {
    platform: 'wecom',

    async register(app, context) {
      const shared = messengerFor(context);
      if (api === undefined) throw new Error('the WeCom API client was not built');
      await app.register(wecomCallbackPlugin, {
        prefix: WECOM_PREFIX,
        keys: { token: config.token, encodingAesKey: config.encodingAesKey, corpId: config.corpId },
        conversation: context.conversation,
        messenger: shared,
        api,
        uow: context.uow,
        records: context.records,
        organisationId: context.organisationId,
        logger: context.logger.child({ platform: 'wecom' }),
        track: (work) => {
          pending.add(work);
          void work.finally(() => pending.delete(work));
        },
        newTaskId: options.newTaskId ?? (() => wecomTaskId(`r-${randomUUID()}`)),
        clock: context.clock,
        localeOf: async (identity) => (await context.localeOf?.(identity)) ?? options.locale ?? 'en',
        ...(options.retryDelaysMs === undefined ? {} : { retryDelaysMs: options.retryDelaysMs }),
        ...(options.wait === undefined ? {} : { wait: options.wait }),
      });
    },

    notifier(context): ChatNotifier {
      return createWecomNotifier({
        corpId: config.corpId,
        messenger: messengerFor(context),
        render: context.render,
        uow: context.uow,
        deliveryRefs: context.deliveryRefs,
      });
    },

    async whenIdle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
