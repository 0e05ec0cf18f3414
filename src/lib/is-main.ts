import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when the module at `moduleUrl` is the script Node was asked to run (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}
