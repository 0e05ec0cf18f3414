/**
 * The element id named by the URL's fragment, percent-decoded. A malformed escape (`#%E0%A4%A`,
 * from a hand-edited or hostile link) gives the raw text instead of throwing a URIError.
 */
export function fragmentId(hash: string = location.hash): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
