import { describe, expect, it } from 'vitest';
import { filesPage } from './paging';

describe('paging', () => {
  it('pages files_of newest first, clamping to the last page', () => {
    expect(filesPage(undefined, 0)).toEqual({ offset: 0n, limit: 10n, page: 0, pageCount: 1 });
    expect(filesPage(0n, 3)).toEqual({ offset: 0n, limit: 10n, page: 0, pageCount: 1 });
    expect(filesPage(25n, 2)).toEqual({ offset: 20n, limit: 10n, page: 2, pageCount: 3 });
    expect(filesPage(25n, 9)).toEqual({ offset: 20n, limit: 10n, page: 2, pageCount: 3 });
  });
});
