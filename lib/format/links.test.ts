import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './links';

describe('links', () => {
  it('keeps https: and ipfs: links only', () => {
    expect(safeLinkUrl('https://example.org/x?y=1')).toBe('https://example.org/x?y=1');
    expect(safeLinkUrl('ipfs://bafyabc/readme.md')).toBe('ipfs://bafyabc/readme.md');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'http://example.org',
      '/relative',
      '#anchor',
      'mailto:a@b.c',
      'ipfs://',
      'vbscript:x',
      'https://',
    ]) {
      expect(safeLinkUrl(bad)).toBeUndefined();
    }
  });
});
