import { describe, expect, it } from 'vitest';
import { deliveredReportsOf, envelopeReportsOf, isRecipient } from './deliveredReports';

const base = {
  auditor: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  commitment: `0x${'12'.repeat(32)}`,
  signed: false,
  revealed: false,
} as const;

describe('delivered reports', () => {
  it('lists only the reports committed with an envelope CID', () => {
    const reports = [
      { ...base, envelope_cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy' },
      { ...base, auditor: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', envelope_cid: '' },
    ] as const;
    expect(deliveredReportsOf(reports).map((r) => r.auditor)).toEqual([base.auditor]);
  });

  it('reads the envelope CID of a registry report, and none from a report committed without one', () => {
    const cid = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
    const delivered = { ...base, envelope_cid: cid };
    expect(envelopeReportsOf([delivered])[0]!.envelope_cid).toBe(cid);
    expect(envelopeReportsOf([{ ...base, envelope_cid: '' }])[0]!.envelope_cid).toBe('');
  });
});

describe('isRecipient', () => {
  const recipients = [
    '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  ] as const;
  it('finds an account among the recipients whatever the case of its hex', () => {
    expect(isRecipient(recipients, '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc')).toBe(true);
    expect(isRecipient(recipients, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBe(false);
    expect(isRecipient([], '0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBe(false);
  });
});
