// The bytes a seal hashes must not depend on how a value was produced: jsonb reorders object keys and
// drivers build fresh objects on every read. This is RFC 8785 (JSON Canonicalization Scheme): keys sorted
// by UTF-16 code units, no whitespace, strings and numbers in ECMAScript's own JSON form (shortest
// round-trip digits, -0 as 0), so any implementation of that RFC can re-derive the hashes.

/** Canonical JSON text of a JSON-shaped value; a Date counts as its ISO string, as jsonb would store it. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // NaN and ±Infinity have no JSON form; jsonb could never have returned one.
      if (!Number.isFinite(value)) throw new TypeError(`cannot canonicalise the number ${value}`);
      return JSON.stringify(value);
    case 'object':
      return canonicalObject(value);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new TypeError(`cannot canonicalise a value of type ${typeof value}`);
}

function canonicalObject(value: object): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    // As JSON.stringify (and so jsonb) would have it: a hole or undefined in an array is null.
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      items.push(item === undefined ? 'null' : canonicalJson(item));
    }
    return `[${items.join(',')}]`;
  }
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${members.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}
