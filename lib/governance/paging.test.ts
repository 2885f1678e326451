import { describe, expect, it } from 'vitest';
import { newestFirstPage, parseProposalId } from './paging';

describe('newestFirstPage', () => {
  it('puts the highest ids on page 0 and the oldest remainder on the last page', () => {
    expect(newestFirstPage(25n, 0)).toEqual({ offset: 15n, limit: 10n, pageCount: 3, page: 0 });
    expect(newestFirstPage(25n, 1)).toEqual({ offset: 5n, limit: 10n, pageCount: 3, page: 1 });
    expect(newestFirstPage(25n, 2)).toEqual({ offset: 0n, limit: 5n, pageCount: 3, page: 2 });
  });

  it('clamps the page and handles empty and exact lists', () => {
    expect(newestFirstPage(0n, 0)).toEqual({ offset: 0n, limit: 0n, pageCount: 1, page: 0 });
    expect(newestFirstPage(20n, 7)).toEqual({ offset: 0n, limit: 10n, pageCount: 2, page: 1 });
    expect(newestFirstPage(3n, -1)).toEqual({ offset: 0n, limit: 3n, pageCount: 1, page: 0 });
  });

  it('covers every id exactly once across the pages', () => {
    for (const count of [1n, 9n, 10n, 11n, 37n]) {
      const seen: bigint[] = [];
      const { pageCount } = newestFirstPage(count, 0);
      for (let page = 0; page < pageCount; page++) {
        const { offset, limit } = newestFirstPage(count, page);
        for (let id = offset + limit - 1n; id >= offset; id--) seen.push(id);
      }
      expect(seen).toEqual(Array.from({ length: Number(count) }, (_, i) => count - 1n - BigInt(i)));
    }
  });
});

describe('parseProposalId', () => {
  it('accepts decimal digits only', () => {
    expect(parseProposalId('0')).toBe(0n);
    expect(parseProposalId('42')).toBe(42n);
    for (const bad of [null, undefined, '', '-1', '1.5', '0x1', ' 1', 'abc', '1e3']) {
      expect(parseProposalId(bad)).toBeUndefined();
    }
    expect(parseProposalId('9'.repeat(79))).toBeUndefined();
    expect(parseProposalId((2n ** 256n).toString())).toBeUndefined();
  });
});
