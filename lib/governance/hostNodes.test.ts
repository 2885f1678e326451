import { refusalOf } from '../tx/actionState';
import { describe, expect, it } from 'vitest';
import { parseEther, type Address } from 'viem';
import { proposalActions } from './actions';
import { KIND_FILTERS, matchesKindFilter } from './filters';
import {
  type HostNodeInfo,
  MAX_HOST_NODES,
  describeHostNodeChange,
  electedHostNode,
  endpointDisplay,
  formatMb,
  hostNodeNotice,
} from './hostNodes';
import { describeParameterChange, parseCloPerMb } from './parameters';
import { type Proposal, ProposalKind, ProposalParam, ProposalStatus } from './proposal';
import { executionLabel, executionTarget, kindLabel } from './terms';
import { ALICE, BOB, CAROL, proposal } from './testProposal';

describe('host node proposals', () => {
  const election = proposal({
    kind: ProposalKind.ElectHostNode,
    subject: CAROL,
    payee: CAROL,
    contact: 'https://node-1.example.org',
    param_value: 10_240n,
    amount_per_epoch: parseEther('250'),
    epochs: 6,
  });
  const removal = proposal({ kind: ProposalKind.RemoveHostNode, subject: CAROL, amount_per_epoch: 0n, epochs: 0 });

  it('labels the kinds and filters them together', () => {
    expect(kindLabel(ProposalKind.ElectHostNode)).toBe('Elect IPFS host node');
    expect(kindLabel(ProposalKind.RemoveHostNode)).toBe('Remove IPFS host node');
    expect(kindLabel(6)).toBe('Kind 6');
    expect(KIND_FILTERS).toContain('IPFS host node');
    expect(matchesKindFilter(ProposalKind.ElectHostNode, 'IPFS host node')).toBe(true);
    expect(matchesKindFilter(ProposalKind.RemoveHostNode, 'IPFS host node')).toBe(true);
    expect(matchesKindFilter(ProposalKind.Funding, 'IPFS host node')).toBe(false);
    expect(matchesKindFilter(ProposalKind.DismissAuditManager, 'Audit manager')).toBe(true);
    expect(matchesKindFilter(ProposalKind.ElectHostNode, 'Funding')).toBe(false);
    for (const kind of Object.values(ProposalKind)) expect(matchesKindFilter(kind, 'All kinds')).toBe(true);
  });

  it('describes the change in MB and CLO', () => {
    expect(formatMb(10_240n)).toBe('10,240 MB');
    expect(formatMb(1n)).toBe('1 MB');
    expect(describeHostNodeChange(election)).toBe(`Elect ${CAROL} with 10,240 MB for 250 CLO × 6 epochs`);
    expect(describeHostNodeChange({ ...election, epochs: 1 })).toMatch(/× 1 epoch$/);
    expect(describeHostNodeChange(removal)).toBe(`Remove ${CAROL}`);
  });

  it('describes storage price changes to the wei', () => {
    expect(describeParameterChange({ param: ProposalParam.StorageUnitPrice, param_value: parseEther('0.01') })).toBe(
      'Storage unit price → 0.01 CLO per MB',
    );
    expect(describeParameterChange({ param: ProposalParam.StorageFloorPrice, param_value: 1n })).toBe(
      'Storage floor price → < 0.000001 CLO per MB',
    );
    expect(parseCloPerMb('0.5')).toEqual({ value: parseEther('0.5') });
  });

  it('shows an endpoint as text with its real host, and links only https', () => {
    expect(endpointDisplay('https://node-1.example.org:8443/x')).toEqual({
      text: 'https://node-1.example.org:8443/x',
      host: 'node-1.example.org:8443',
      href: 'https://node-1.example.org:8443/x',
    });
    expect(endpointDisplay('http://node-1.example.org')).toEqual({
      text: 'http://node-1.example.org',
      host: 'node-1.example.org',
    });
    // The host a browser would go to, not the one the text starts with; punycode stays punycode.
    expect(endpointDisplay('https://known.org@evil.example/')).toEqual({
      text: 'https://known.org@evil.example/',
      host: 'evil.example',
    });
    expect(endpointDisplay('https://exаmple.org').host).toBe('xn--exmple-4nf.org');
    expect(endpointDisplay('javascript:alert(1)')).toEqual({ text: 'javascript:alert(1)' });
    expect(endpointDisplay('http://')).toEqual({ text: 'http://' });
  });

  it('names the contract that may refuse an accepted action', () => {
    expect(executionTarget(election)).toBe('the file system');
    expect(executionTarget(removal)).toBe('the file system');
    expect(executionTarget(proposal({ kind: ProposalKind.SetParameter, param: ProposalParam.StorageFloorPrice }))).toBe(
      'the file system',
    );
    expect(executionTarget(proposal({ kind: ProposalKind.SetParameter, param: ProposalParam.Quorum }))).toBeUndefined();
    expect(executionTarget(proposal({ kind: ProposalKind.AppointAuditManager }))).toBe('the audit registry');
    expect(executionTarget(proposal())).toBeUndefined();
  });

  it('says whether an accepted election, removal or price change took effect', () => {
    expect(executionLabel(election)).toBeUndefined();
    expect(executionLabel({ ...election, status: ProposalStatus.Accepted, executed: true })).toBe('Took effect');
    expect(executionLabel({ ...election, status: ProposalStatus.Accepted, executed: false })).toBe(
      'Accepted, but the file system refused it',
    );
    expect(executionLabel({ ...removal, status: ProposalStatus.Accepted, executed: false })).toBe(
      'Accepted, but the file system refused it',
    );
    const price = proposal({
      kind: ProposalKind.SetParameter,
      param: ProposalParam.StorageUnitPrice,
      status: ProposalStatus.Accepted,
    });
    expect(executionLabel({ ...price, executed: false })).toBe('Accepted, but the file system refused it');
    expect(executionLabel({ ...price, executed: true })).toBe('Took effect');
    expect(executionLabel({ ...price, param: ProposalParam.Quorum, executed: true })).toBeUndefined();
  });

  it('pays an executed election like funding, and a refused one never', () => {
    const base = { genesis: 1_000n, epochLength: 100n, availableBalance: parseEther('10000') };
    const accepted = { ...election, status: ProposalStatus.Accepted, first_pay_epoch: 6n, executed: true };
    const pay = (p: Proposal, dueEpochs: bigint, account?: Address) =>
      proposalActions({ ...base, proposal: p, currentEpoch: 7n, dueEpochs, account }).pay;
    expect(pay(accepted, 2n, BOB)).toEqual({ shown: true, allowed: true });
    expect(refusalOf(pay(accepted, 2n))).toMatch(/Connect/);
    expect(refusalOf(pay({ ...accepted, paid_epochs: 6 }, 0n, BOB))).toBe('All 6 epochs are paid');
    expect(pay({ ...accepted, executed: false, first_pay_epoch: 0n }, 0n, BOB)).toEqual({
      shown: true,
      allowed: false,
      reason: 'The file system refused the election, so no salary is paid',
      at: undefined,
    });
    expect(pay({ ...removal, status: ProposalStatus.Accepted, executed: true }, 0n, BOB).shown).toBe(false);
    expect(pay({ ...election, status: ProposalStatus.Rejected }, 0n, BOB).shown).toBe(false);
  });

  const node = (address: Address, capacity = 1_024n): HostNodeInfo => ({
    node: address,
    endpoint: 'https://node.example.org',
    capacity_mb: capacity,
    elected_at: 1n,
    confirmations: 0n,
    confirmed_bytes: 0n,
  });

  it('finds whether a node is elected now, whatever the case of the address', () => {
    const nodes = [node(BOB), node(CAROL, 2_048n)];
    expect(electedHostNode(CAROL.toLowerCase(), nodes)?.capacity_mb).toBe(2_048n);
    expect(electedHostNode(ALICE, nodes)).toBeNull();
    expect(electedHostNode(ALICE, undefined)).toBeUndefined();
    expect(electedHostNode('0x12', nodes)).toBeUndefined();
  });

  it('warns about an election or a removal the file system would refuse today', () => {
    const nodes = [node(BOB), node(CAROL, 2_048n)];
    expect(hostNodeNotice('elect', ALICE, nodes)).toEqual({ tone: 'ok', text: 'Not elected now.' });
    expect(hostNodeNotice('elect', BOB, nodes)?.tone).toBe('warning');
    expect(hostNodeNotice('elect', BOB, nodes)?.text).toMatch(/elected already/);
    const full = Array.from({ length: MAX_HOST_NODES }, (_, i) =>
      node(`0x${(i + 1).toString(16).padStart(40, '0')}` as Address),
    );
    expect(hostNodeNotice('elect', ALICE, full)?.text).toMatch(/maximum of 32/);
    expect(hostNodeNotice('remove', CAROL, nodes)).toEqual({ tone: 'ok', text: 'Elected now, with 2,048 MB.' });
    expect(hostNodeNotice('remove', ALICE, nodes)?.text).toMatch(/not elected now/);
    expect(hostNodeNotice('remove', ALICE, undefined)).toBeUndefined();
    expect(hostNodeNotice('remove', 'nobody', nodes)).toBeUndefined();
  });
});
