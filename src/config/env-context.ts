import type { ConfigIssue } from './config-error.js';
import type { EnvKey } from './env-keys.js';
import type { EnvValues } from './env-schemas.js';

/**
 * What the section builders share. `raw` says what the operator set (so a missing key is reported once, even when a
 * present one is invalid); `values` holds only the variables that parsed.
 */
export type EnvContext = {
  readonly raw: Readonly<Partial<Record<EnvKey, string>>>;
  readonly values: EnvValues;
  readonly issues: ConfigIssue[];
};

export const isSet = (ctx: EnvContext, key: EnvKey): boolean => ctx.raw[key] !== undefined;

export const keysSet = <K extends EnvKey>(ctx: EnvContext, keys: readonly K[]): K[] =>
  keys.filter((key) => isSet(ctx, key));

export const report = (ctx: EnvContext, key: EnvKey, message: string): void => {
  ctx.issues.push({ key, message });
};

/** "A is set", "A and B are set", "A, B and C are set". */
export const describeSet = (keys: readonly EnvKey[]): string => {
  const last = keys.at(-1);
  if (last === undefined) return 'nothing is set';
  if (keys.length === 1) return `${last} is set`;
  return `${keys.slice(0, -1).join(', ')} and ${last} are set`;
};

/** Reports each of `required` that is absent, naming the variables that made it necessary. */
export const requireKeys = (
  ctx: EnvContext,
  required: readonly EnvKey[],
  triggers: readonly EnvKey[],
): void => {
  for (const key of required) {
    if (isSet(ctx, key)) continue;
    const because = triggers.filter((trigger) => trigger !== key);
    report(ctx, key, `required when ${describeSet(because)}`);
  }
};
