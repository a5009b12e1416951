/**
 * `table[key]` for keys that come from user text: only the table's own entries count, so words such as
 * `__proto__` or `constructor` are not found on Object.prototype.
 */
export const ownValue = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
