/**
 * Objects keyed by data labels (group names from a CSV file). A plain `{}` would treat the labels
 * `__proto__` (a setter that swallows the value), `constructor` or `toString` (read back from
 * Object.prototype) as something else; these helpers keep every label an ordinary key.
 */

/** An empty object without prototype: `record['__proto__'] = x` stores x under that label. */
export function labelRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record[key]` when `record` has that own key, else undefined (never an inherited member). */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
