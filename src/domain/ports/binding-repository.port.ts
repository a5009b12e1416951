import type { ChatAddress } from './outbox.port.js';
import type { Tx } from './unit-of-work.port.js';

export type ChannelBinding = {
  readonly id: string;
  readonly address: ChatAddress;
  readonly clientId: string | undefined;
  readonly audience: 'internal' | 'client' | 'admin';
  readonly reportSchedule: string | undefined;
  readonly reportLocale: 'en' | 'zh-CN' | undefined;
  readonly budgetWarnings: boolean;
  readonly webhookUrl: string | undefined;
};

export interface BindingRepository {
  forClient(tx: Tx, organisationId: string, clientId: string): Promise<readonly ChannelBinding[]>;
  adminChannel(tx: Tx, organisationId: string): Promise<ChannelBinding | undefined>;
  byAddress(tx: Tx, organisationId: string, address: ChatAddress): Promise<readonly ChannelBinding[]>;
  byId(tx: Tx, organisationId: string, id: string): Promise<ChannelBinding | undefined>;
  /** Every binding that posts through this group-robot webhook (one robot is one WeCom group). */
  withWebhook(tx: Tx, organisationId: string, webhookUrl: string): Promise<readonly ChannelBinding[]>;
}
