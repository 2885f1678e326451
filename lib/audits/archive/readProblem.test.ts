import { describe, expect, it } from 'vitest';
import { readProblemOf } from './readProblem';

describe('readProblemOf', () => {
  it('says the archive holds no copy before blaming the nodes', () => {
    expect(readProblemOf(['not-found'], { kind: 'not-stored' }).kind).toBe('not-stored');
    expect(readProblemOf(['not-found'], { kind: 'expired', fileId: 3n }).kind).toBe('not-stored');
  });

  it('tells refused bytes from a node that does not have the report', () => {
    expect(readProblemOf(['not-found', 'hash-mismatch'], { kind: 'waiting', fileId: 1n, expiresAt: 9n })).toEqual({
      kind: 'mismatch',
      text: 'Content does not match: a host node sent bytes that do not hash to the report’s CID. They were refused; nothing of them is shown.',
    });
    expect(readProblemOf(['wrong-root'], undefined).kind).toBe('mismatch');
    expect(readProblemOf(['not-found', 'not-found'], { kind: 'confirmed', fileId: 1n, confirmations: 2 }).kind).toBe(
      'no-node',
    );
    expect(readProblemOf([], { kind: 'none' }).text).toMatch(/no host node is elected/);
  });

  it('a node that did not answer is not called empty', () => {
    expect(readProblemOf(['not-found', 'offline'], undefined).kind).toBe('unreachable');
  });
});
