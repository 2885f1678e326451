import { describe, expect, it } from 'vitest';
import { checkLink, scriptsOf } from './linkCheck';

describe('checkLink', () => {
  it('shows the real host of an https link', () => {
    expect(checkLink('https://docs.example.org:8443/a?b=1')).toEqual({
      kind: 'web',
      href: 'https://docs.example.org:8443/a?b=1',
      host: 'docs.example.org:8443',
      hidden: false,
    });
  });

  it('refuses a userinfo link and says where it really goes', () => {
    expect(checkLink('https://paypal.com@evil.example/')).toEqual({
      kind: 'refused',
      reason: 'userinfo',
      host: 'evil.example',
      hidden: false,
    });
    expect(checkLink('https://user:pass@evil.example/login')).toMatchObject({
      reason: 'userinfo',
      host: 'evil.example',
    });
  });

  it('gives a homoglyph host in punycode with the scripts it mixes', () => {
    // "раypal" starts with two Cyrillic letters.
    const check = checkLink('https://раypal.com/login');
    expect(check).toMatchObject({
      kind: 'web',
      host: 'xn--ypal-43d9g.com',
      lookalike: { scripts: ['Latin', 'Cyrillic'] },
    });
    // A host written in punycode already is flagged the same way.
    expect(checkLink('https://xn--ypal-43d9g.com/')).toMatchObject({
      host: 'xn--ypal-43d9g.com',
      lookalike: { scripts: [] },
    });
    expect(checkLink('https://example.org/').kind === 'web' && 'lookalike' in checkLink('https://example.org/')).toBe(
      false,
    );
  });

  it('makes only https: and ipfs:// clickable', () => {
    expect(checkLink('ipfs://bafyabc/report.md')).toEqual({
      kind: 'ipfs',
      href: 'ipfs://bafyabc/report.md',
      cid: 'bafyabc',
      hidden: false,
    });
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'http://example.org/',
      'file:///etc/passwd',
      'vbscript:x',
    ]) {
      expect(checkLink(bad), bad).toMatchObject({ kind: 'refused', reason: 'scheme' });
    }
    for (const bad of ['/relative', 'example.org', 'https://', 'ipfs://']) {
      expect(checkLink(bad).kind, bad).toBe('refused');
    }
  });

  it('flags hidden characters in the link text', () => {
    expect(checkLink('https://example.org/invoice\u202Efdp.exe')).toMatchObject({ kind: 'web', hidden: true });
    expect(checkLink('https://exa\u200Bmple.org/').hidden).toBe(true);
  });

  it('names the scripts of a text', () => {
    expect(scriptsOf('раypal')).toEqual(['Latin', 'Cyrillic']);
    expect(scriptsOf('paypal-1.com')).toEqual(['Latin']);
    expect(scriptsOf('αβγ')).toEqual(['Greek']);
  });
});
