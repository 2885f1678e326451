import { describe, expect, it } from 'vitest';
import { allowed, firstRefusal, refused } from './actionState';

describe('ActionState', () => {
  it('carries the reason of a refusal', () => {
    const state = refused('Voting opens at 12 May 2026, 14:00');
    expect(state.allowed).toBe(false);
    if (!state.allowed) expect(state.reason).toBe('Voting opens at 12 May 2026, 14:00');
    expect(allowed()).toEqual({ allowed: true });
  });

  it('never refuses without saying why', () => {
    expect(() => refused('')).toThrow(/reason/);
    expect(() => refused('   ')).toThrow(/reason/);
  });

  it('reports the first refusal in the order given, so the user fixes things in order', () => {
    expect(firstRefusal(allowed(), refused('Connect a wallet'), refused('Enter an amount'))).toEqual(
      refused('Connect a wallet'),
    );
    expect(firstRefusal(allowed(), allowed())).toEqual(allowed());
    expect(firstRefusal()).toEqual(allowed());
  });
});
