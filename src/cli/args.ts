/**
 * A small, strict command-line parser: `--name value`, `--name=value` and boolean `--flag`.
 * Unknown options and missing values are errors (one line), never silently ignored.
 */
import { InputError } from '../stats/validate.ts';

export interface OptionSpec {
  readonly [name: string]: { readonly type: 'string' | 'boolean'; readonly help: string; readonly required?: boolean };
}

export type ParsedArgs<S extends OptionSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string;
};

export function parseArgs<S extends OptionSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new InputError(`unexpected argument "${arg}" (options start with --; see --help)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const option = spec[name];
    if (!option) throw new InputError(`unknown option --${name} (see --help)`);
    if (option.type === 'boolean') {
      if (eq >= 0) throw new InputError(`option --${name} takes no value`);
      out[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new InputError(`option --${name} needs a value`);
    // `--out=` or `--times ''` would otherwise be silently ignored (an empty string is falsy).
    if (value.trim() === '') throw new InputError(`option --${name} needs a value (got an empty one)`);
    out[name] = value;
  }
  for (const [name, option] of Object.entries(spec)) {
    if (option.required && out[name] === undefined && !out.help) throw new InputError(`missing required option --${name} (see --help)`);
  }
  return out as ParsedArgs<S>;
}

export function usage(command: string, spec: OptionSpec): string {
  const lines = Object.entries(spec).map(([name, o]) => {
    const flag = o.type === 'boolean' ? `--${name}` : `--${name} <value>`;
    return `  ${flag.padEnd(24)} ${o.help}${o.required ? ' (required)' : ''}`;
  });
  return `Usage: ${command} [options]\n${lines.join('\n')}\n`;
}
