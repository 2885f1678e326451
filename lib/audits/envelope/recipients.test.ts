import { describe, expect, it } from 'vitest';
import { selectRecipients } from './recipients';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const C = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

describe('selectRecipients', () => {
  it('seals for every manager with a key and names those without one', () => {
    const key = `0x${'ab'.repeat(32)}` as const;
    const { recipients, withoutKey } = selectRecipients([A, B, C], [key, `0x${'00'.repeat(32)}`, undefined]);
    expect(recipients).toEqual([{ account: A, publicKey: key }]);
    expect(withoutKey).toEqual([B, C]);
  });

  it('refuses keys that do not line up with the managers', () => {
    expect(() => selectRecipients([A, B], [undefined])).toThrow(RangeError);
  });
});
