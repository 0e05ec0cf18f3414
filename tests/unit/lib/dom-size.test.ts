import { describe, expect, it } from 'vitest';
import { domElementCount } from '../../../src/lib/dom-size.ts';

describe('domElementCount(html)', () => {
  it('counts every element, those inside closed <details> too', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><p>a <b>b</b></p><details><summary>s</summary><p>hidden</p></details></body></html>';
    // html, head, title, body, p, b, details, summary, p
    expect(domElementCount(html)).toBe(9);
  });

  it('does not count the contents of a <template>', () => {
    const html = '<!doctype html><html><head></head><body><template><div><span>x</span></div></template></body></html>';
    // html, head, body, template
    expect(domElementCount(html)).toBe(4);
  });
});

describe('domElementCount(html) parses as a browser with scripting on', () => {
  it('counts a <noscript> but not what it holds (one text node when scripts run)', () => {
    const html = '<!doctype html><html><head></head><body><div><noscript><svg><g><text>a</text></g></svg></noscript></div></body></html>';
    // html, head, body, div, noscript
    expect(domElementCount(html)).toBe(5);
  });
});
