import type { ChannelBinding } from '../ports/binding-repository.port.js';

/** What a bind command did: a new binding, a changed one, or nothing because it was already so. */
export type BindingOutcome = 'added' | 'updated' | 'unchanged';

export const sameBinding = (a: ChannelBinding, b: ChannelBinding): boolean =>
  a.address === b.address &&
  a.clientId === b.clientId &&
  a.audience === b.audience &&
  a.reportSchedule === b.reportSchedule &&
  a.reportLocale === b.reportLocale &&
  a.budgetWarnings === b.budgetWarnings &&
  a.webhookUrl === b.webhookUrl;

/**
 * A binding as the audit log keeps it. A group robot's URL carries its key in the query; the log is append-only
 * and never forgets, so it keeps where the webhook points, not the key.
 */
export const auditedBinding = (binding: ChannelBinding): Record<string, unknown> => ({
  id: binding.id,
  address: binding.address,
  // Explicit nulls, so before and after show what a re-binding switched off.
  clientId: binding.clientId ?? null,
  audience: binding.audience,
  reportSchedule: binding.reportSchedule ?? null,
  reportLocale: binding.reportLocale ?? null,
  budgetWarnings: binding.budgetWarnings,
  webhookUrl: binding.webhookUrl === undefined ? null : withoutQuery(binding.webhookUrl),
});

const withoutQuery = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.search === '' ? '' : '?…'}`;
};
