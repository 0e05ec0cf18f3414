/** BASE_PATH, SITE_URL and FRAME_ANCESTORS are validated before any build (issue 16). */
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../../../src/security/site-settings.ts';
import { withModulePreloads } from '../../../src/build/module-preload.ts';
import { expectInputError } from '../helpers.ts';

describe('siteSettings', () => {
  it('defaults, and valid values kept as given', () => {
    expect(siteSettings({})).toEqual({ base: '/', site: null, frameAncestors: "'self'" });
    expect(
      siteSettings({ BASE_PATH: '/supplementary/hbsn-2019-06-02/', SITE_URL: 'https://journal.example:8443/', FRAME_ANCESTORS: "'self' https://journal.example" }),
    ).toEqual({ base: '/supplementary/hbsn-2019-06-02/', site: 'https://journal.example:8443', frameAncestors: "'self' https://journal.example" });
    expect(siteSettings({ FRAME_ANCESTORS: "'none'" }).frameAncestors).toBe("'none'");
  });

  it.each([
    ['/a"onmouseover="alert(1)/', 'only letters, digits, - . _ ~ and / are allowed'],
    ['//evil.example/', 'it must not contain // (that names another host)'],
    ['/../', 'it must not contain . or .. segments'],
    ['/a/./b/', 'it must not contain . or .. segments'],
    ['https://journal.example/sub/', 'it must start with /'],
    ['/sub', 'it must end with /'],
    ['sub/', 'it must start with /'],
    ['/a b/', 'only letters, digits, - . _ ~ and / are allowed'],
    ['/%2e%2e/', 'only letters, digits, - . _ ~ and / are allowed'],
    ['/ü/', 'only letters, digits, - . _ ~ and / are allowed'],
  ])('BASE_PATH=%s is refused: %s', (value, why) => {
    expectInputError(() => siteSettings({ BASE_PATH: value }), `BASE_PATH=${JSON.stringify(value)} is not a valid base path: ${why} (e.g. /supplementary/hbsn-2019-06-02/)`);
  });

  it.each(['http://journal.example', 'https://journal.example/sub/', 'javascript:alert(1)', 'https://user@journal.example', 'https://journal.example?x=1', 'https://exa mple.org', '//journal.example', 'https://journal.example:99999', 'https://"x'])(
    'SITE_URL=%s is refused',
    (value) => {
      expectInputError(() => siteSettings({ SITE_URL: value }), `SITE_URL=${JSON.stringify(value)} is not an https:// origin (scheme and host only, e.g. https://journal.example)`);
    },
  );

  it.each(['*', 'https://journal.example', "'self' http://journal.example", "'self' 'unsafe-inline'", "'self'; script-src *"])('FRAME_ANCESTORS=%s is refused', (value) => {
    expect(() => siteSettings({ FRAME_ANCESTORS: value })).toThrow(/^FRAME_ANCESTORS=/);
  });
});

describe('attributes that carry the base path are escaped', () => {
  it('withModulePreloads escapes quotes and ampersands in the href', () => {
    expect(withModulePreloads('<head></head>', ['/a"b&c/x.js'])).toBe('<head><link rel="modulepreload" href="/a&quot;b&amp;c/x.js"></head>');
  });
});
