import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { masthead, parseMasthead } from '../../../src/lib/masthead.ts';

const good = JSON.parse(readFileSync('content/masthead.json', 'utf8')) as Record<string, unknown>;

describe('masthead (content/masthead.json)', () => {
  it('the committed file is valid and the version is package.json’s', () => {
    const m = masthead();
    expect(m.version).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(m.relation.length).toBeGreaterThan(20);
  });
  it('a contact that is neither https:// nor mailto: is refused with one line naming the file and field', () => {
    expect(() => parseMasthead(JSON.stringify({ ...good, contact: 'http://example.org/' }))).toThrow(
      'content/masthead.json: field contact: an https:// or mailto: address',
    );
    expect(() => parseMasthead(JSON.stringify({ ...good, maker: '' }))).toThrow(/^content\/masthead\.json: field maker: /);
    expect(() => parseMasthead(JSON.stringify({ ...good, extra: 1 }))).toThrow(/^content\/masthead\.json: field \(root\): /);
  });
  it('accepts mailto: and https:// contacts', () => {
    expect(parseMasthead(JSON.stringify({ ...good, contact: 'mailto:editor@journal.example' })).contact).toBe('mailto:editor@journal.example');
    expect(parseMasthead(JSON.stringify({ ...good, contact: 'https://journal.example/corrections' })).contact).toBe('https://journal.example/corrections');
  });
});
