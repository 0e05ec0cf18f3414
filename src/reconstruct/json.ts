/**
 * JSON for the committed reports: indented objects, but arrays of plain values (numbers, strings)
 * on one line, so that a 121-point band takes one line instead of 121. Keys with `undefined`
 * values are dropped, as `JSON.stringify` does. Ends with a newline.
 */
export function compactJson(value: unknown): string {
  return `${format(value, '')}\n`;
}

function isPlain(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function format(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every(isPlain)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
