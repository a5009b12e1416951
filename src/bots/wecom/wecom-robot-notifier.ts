// Client group chats reached through a group robot (群机器人, "消息推送", doc 99110): a webhook whose key is the whole
// credential, markdown only for us (robots accept no interactive cards), at most 20 messages a minute per robot.
// Addresses are `wecom-robot:<binding id>`; which webhook a binding posts to is the binding's, looked up per call
// (an admin may rebind the group to another robot while messages wait). Mounted whether or not the WeCom app is
// configured: a robot needs no app credentials, its key is in its URL.
import type { Card } from '../../domain/messaging/card.js';
import { decodeAddress } from '../../domain/messaging/chat-address.js';
import type {
  ChatNotifier,
  DeliveryOutcome,
  OutboundMessage,
} from '../../domain/ports/chat-notifier.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import { renderWecomGroupMessage } from './wecom-card.js';
import { wecomFirstAttemptDelayMs } from './wecom-spread.js';

export type WecomRobotNotifierOptions = {
  /** The full webhook URL (`…/cgi-bin/webhook/send?key=…`) of a binding, undefined when it has none. */
  readonly webhookOf: (organisationId: string, bindingId: string) => Promise<string | undefined>;
  readonly render: (message: OutboundMessage) => Promise<Card | undefined>;
  readonly clock: Clock;
  readonly fetch?: typeof fetch;
  /** Messages per robot per minute; WeCom allows 20. */
  readonly perRobotPerMinute?: number;
};

const FREQUENCY_ERRCODES: ReadonlySet<number> = new Set([45009, 45033, -1]);
/** Invalid or removed webhook key: no retry brings the robot back. */
const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([93000, 40008, 44004]);

export function createWecomRobotNotifier(options: WecomRobotNotifierOptions): ChatNotifier {
  const doFetch = options.fetch ?? fetch;
  const perMinute = options.perRobotPerMinute ?? 20;
  const recent = new Map<string, number[]>();

  const waitFor = (url: string): number => {
    const now = options.clock.now().getTime();
    const within = (recent.get(url) ?? []).filter((at) => at > now - 60_000);
    recent.set(url, within);
    const oldest = within[0];
    return within.length < perMinute || oldest === undefined ? 0 : oldest + 60_000 - now;
  };

  return {
    platform: 'wecom-robot',
    firstAttemptDelayMs: wecomFirstAttemptDelayMs,
    async deliver(message): Promise<DeliveryOutcome> {
      const parts = decodeAddress(message.address);
      const url =
        parts?.platform === 'wecom-robot'
          ? await options.webhookOf(message.organisationId, parts.bindingId)
          : undefined;
      if (url === undefined) {
        return { ok: false, permanent: true, error: `no robot webhook for ${message.address}` };
      }
      const card = await options.render(message);
      if (card === undefined)
        return { ok: false, permanent: true, error: `nothing to show for kind ${message.kind}` };
      const wait = waitFor(url);
      if (wait > 0) return { ok: false, retryAfterMs: wait, error: 'WeCom robot: 20 messages per minute' };

      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(renderWecomGroupMessage(card)),
      });
      recent.get(url)?.push(options.clock.now().getTime());
      if (response.status === 429) return { ok: false, retryAfterMs: 60_000, error: 'WeCom robot: HTTP 429' };
      const answer = (await response.json().catch(() => undefined)) as
        | { readonly errcode?: unknown; readonly errmsg?: unknown }
        | undefined;
      const errcode = typeof answer?.errcode === 'number' ? answer.errcode : undefined;
      if (errcode === 0) return { ok: true };
      const error =
        `WeCom robot: ${errcode ?? `HTTP ${response.status}`} ${String(answer?.errmsg ?? '')}`.trim();
      if (errcode !== undefined && FREQUENCY_ERRCODES.has(errcode))
        return { ok: false, retryAfterMs: 60_000, error };
      return {
        ok: false,
        error,
        ...(errcode !== undefined && PERMANENT_ERRCODES.has(errcode) ? { permanent: true } : {}),
      };
    },
  };
}
