/**
 * What every command-line entry point shares: where its output goes (so tests can run a command
 * in-process and read what it printed) and how an input problem ends it — one line on stderr and
 * exit code 1. Anything that is not an {@link InputError} is a bug and is rethrown with its stack.
 */
import { InputError } from '../stats/validate.ts';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress may be redrawn in place). */
  readonly tty?: boolean;
}

/** The real process streams. */
export const PROCESS_IO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  tty: process.stderr.isTTY === true,
};

/** Reports an {@link InputError} as `error: <message>` and returns exit code 1; rethrows anything else. */
export function reportInputError(err: unknown, writeError: (text: string) => void): number {
  if (err instanceof InputError) {
    writeError(`error: ${err.message}\n`);
    return 1;
  }
  throw err;
}
