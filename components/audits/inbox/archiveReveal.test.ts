// The reveal that stores a report is offered only after a host node holds those very bytes, and only for the
// committed report: the manager never pays a deposit for a file no node has, nor for a reveal the contract refuses.
import { describe, expect, it } from 'vitest';
import { linkCommitment } from '@/lib/audits/commitments';
import { planArchive } from './archivePlan';
import { archiveRevealInput } from './archiveReveal';

const report = new TextEncoder().encode('# Audit of Vault.sol\n\nNo finding.\n');

async function committedPlan() {
  const draft = await planArchive(report, linkCommitment(''));
  return planArchive(report, linkCommitment(draft.link));
}

describe('archiveRevealInput', () => {
  it('refuses the reveal until the plaintext reached a node, then gives link, size and deposit', async () => {
    const plan = await committedPlan();
    expect(archiveRevealInput(plan, { step: 'idle' }, 5n)).toEqual({
      error: 'Send the report to the host nodes first: the reveal pays for a file a node already holds',
    });
    expect(archiveRevealInput(plan, { step: 'sending', loaded: 1, total: 2 }, 5n)).toEqual({
      error: 'Wait until the report has reached a host node',
    });
    expect(archiveRevealInput(plan, { step: 'failed', message: 'refused' }, 5n)).toHaveProperty('error');
    expect(archiveRevealInput(plan, { step: 'sent', cid: plan.cid, endpoint: 'http://n' }, 5n)).toEqual({
      link: plan.link,
      size: plan.size,
      deposit: 5n,
    });
  });

  it('a node holding other bytes does not count as sent', async () => {
    const plan = await committedPlan();
    const other = await planArchive(new TextEncoder().encode('another report'), linkCommitment(''));
    const sentOther = { step: 'sent', cid: other.cid, endpoint: 'http://n' } as const;
    expect(archiveRevealInput(plan, sentOther, 5n)).toHaveProperty('error');
  });

  it('waits for the quote, and never offers a report that is not the committed one', async () => {
    const plan = await committedPlan();
    const sent = { step: 'sent', cid: plan.cid, endpoint: 'http://n' } as const;
    expect(archiveRevealInput(plan, sent, undefined)).toEqual({ error: 'The deposit is not known yet' });
    const wrong = await planArchive(report, linkCommitment('ipfs://another'));
    expect(archiveRevealInput(wrong, { ...sent, cid: wrong.cid }, 5n)).toEqual({
      error: 'This report does not hash to the commitment on chain, so it cannot be revealed',
    });
    expect(archiveRevealInput(undefined, sent, 5n)).toHaveProperty('error');
  });
});
