// Kept for the commands' imports; the function lives in src/lib so lower layers (src/audit) need not import src/cli.
export { isMain } from '../lib/is-main.ts';
