// What a chat platform plugs into Outlay: routes on the one fastify server (an encapsulated plugin with its own body
// parsing and verification) and a notifier the outbox worker delivers through. Everything else is shared.
import type { FastifyInstance } from 'fastify';
import type { Card } from '../../domain/messaging/card.js';
import type { ChatNotifier, OutboundMessage } from '../../domain/ports/chat-notifier.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { DeliveryRefs, PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import type { Conversation, Platform } from './conversation.js';

export type PlatformContext = {
  readonly conversation: Conversation;
  /** The neutral card for an outbox message, in its reader's language (undefined: nothing to show). */
  readonly render: (message: OutboundMessage) => Promise<Card | undefined>;
  readonly uow: UnitOfWork;
  readonly records: PlatformRecords;
  readonly deliveryRefs: DeliveryRefs;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The deployment's organisation (single-tenant platforms belong to it). */
  readonly organisationId: string;
  /**
   * The language a platform identity's member reads (their own, else the organisation's), for the few things an
   * adapter says itself; undefined for an identity Outlay does not know. Read only: nobody is created.
   */
  readonly localeOf?: (identity: string) => Promise<'en' | 'zh-CN' | undefined>;
  /**
   * Makes a new organisation (idempotent by id) in the deployment's language, with `adminIdentity` as its first
   * admin — a workspace installed through Slack's OAuth flow becomes one (docs/product-rules.md §1). Absent: new
   * workspaces join the deployment's organisation.
   */
  readonly createOrganisation?: (input: NewOrganisation) => Promise<void>;
};

export type NewOrganisation = {
  readonly organisationId: string;
  readonly name: string;
  readonly adminIdentity: string | undefined;
  /** What made it, for the audit trail (e.g. `slack-install`). */
  readonly source: string;
};

export type PlatformModule = {
  readonly platform: Platform;
  register(app: FastifyInstance, context: PlatformContext): Promise<void>;
  notifier(context: PlatformContext): ChatNotifier;
};
