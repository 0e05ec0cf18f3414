/**
 * The one document the chart functions draw into at build time: linkedom's, created once. Only
 * server code imports this module (the browser passes its own `document`), so linkedom never
 * reaches a client bundle.
 */
import { parseHTML } from 'linkedom';

let doc: Document | null = null;

/** A linkedom document for build-time rendering, shared by every server-side chart. */
export function serverDocument(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}
