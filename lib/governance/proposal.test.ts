import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import {
  allowedParameterRange,
  depositMessage,
  dueEpochs,
  evaluationOutcome,
  executionFailed,
  isAuditManagerKind,
  isHostNodeKind,
  isSalaryKind,
  isStorageParam,
  MAX_CONTACT_BYTES,
  MAX_ENDPOINT_BYTES,
  parseCapacityMb,
  parseSalaryPerEpoch,
  paysPerEpoch,
  meetsQuorum,
  ProposalKind,
  ProposalParam,
  ProposalStatus,
  proposalStatusLabel,
  reasonToMessage,
  validateManager,
  validateEndpoint,
  validateManagerContact,
  validateNode,
  validateParameterValue,
  votingWindow,
  validateTitle,
  validateDescriptionUrl,
  validateDescriptionHash,
  validatePayee,
  parseAmountPerEpoch,
  parseEpochs,
} from './proposal';

const funding = {
  kind: ProposalKind.Funding,
  status: ProposalStatus.Voting,
  voting_epoch: 5n,
  first_pay_epoch: 0n,
  epochs: 3,
  paid_epochs: 0,
  amount_per_epoch: parseEther('10'),
};
const accepted = { ...funding, status: ProposalStatus.Accepted, first_pay_epoch: 6n };

describe('proposalStatusLabel', () => {
  it('tells the phases of a vote apart', () => {
    expect(proposalStatusLabel(funding, 4n)).toBe('Pending vote');
    expect(proposalStatusLabel(funding, 5n)).toBe('Voting');
    expect(proposalStatusLabel(funding, 6n)).toBe('Awaiting evaluation');
    // Past its evaluation epoch it can only expire, and shows as expired before anyone calls `expire`.
    expect(proposalStatusLabel(funding, 7n)).toBe('Expired');
    expect(proposalStatusLabel(funding, 60n)).toBe('Expired');
    expect(proposalStatusLabel({ ...funding, status: ProposalStatus.Expired }, 7n)).toBe('Expired');
  });

  it('derives the payment phase of accepted funding from paid epochs', () => {
    expect(proposalStatusLabel(accepted, 6n)).toBe('Accepted');
    expect(proposalStatusLabel({ ...accepted, paid_epochs: 1 }, 6n)).toBe('Being paid');
    expect(proposalStatusLabel({ ...accepted, paid_epochs: 2 }, 9n)).toBe('Being paid');
    expect(proposalStatusLabel({ ...accepted, paid_epochs: 3 }, 9n)).toBe('Completed');
    expect(proposalStatusLabel({ ...accepted, kind: ProposalKind.SetParameter, epochs: 0 }, 9n)).toBe('Accepted');
  });

  it('names the closed statuses', () => {
    expect(proposalStatusLabel({ ...funding, status: ProposalStatus.Rejected }, 9n)).toBe('Rejected');
    expect(proposalStatusLabel({ ...funding, status: ProposalStatus.NotEnoughVotes }, 9n)).toBe('Not enough votes');
    expect(proposalStatusLabel({ ...funding, status: ProposalStatus.Withdrawn }, 5n)).toBe('Withdrawn');
    expect(() => proposalStatusLabel({ ...funding, status: 9 }, 5n)).toThrow(/unknown proposal status/);
  });
});

describe('quorum', () => {
  it('needs a turnout of at least the quorum share of the stake, rounding the share up', () => {
    // 10% of 1,000 CLO is 100 CLO: 100 meets it, a wei less does not.
    expect(meetsQuorum(parseEther('100'), parseEther('1000'), 1000)).toBe(true);
    expect(meetsQuorum(parseEther('100') - 1n, parseEther('1000'), 1000)).toBe(false);
    // 10% of 1,001 wei is 100.1 wei: 100 wei is short, 101 meets it.
    expect(meetsQuorum(100n, 1001n, 1000n)).toBe(false);
    expect(meetsQuorum(101n, 1001n, 1000n)).toBe(true);
    // Nothing staked: any turnout, even none, meets a quorum of nothing.
    expect(meetsQuorum(0n, 0n, 1000)).toBe(true);
    // A 100% quorum needs every staked wei.
    expect(meetsQuorum(6n, 7n, 10_000)).toBe(false);
    expect(meetsQuorum(7n, 7n, 10_000)).toBe(true);
  });

  it('decides like evaluate: quorum first, then a strict majority for', () => {
    const total = 1000n;
    expect(evaluationOutcome({ votes_for: 99n, votes_against: 0n, votes_abstain: 0n }, total, 1000)).toBe(
      'NotEnoughVotes',
    );
    expect(evaluationOutcome({ votes_for: 100n, votes_against: 0n, votes_abstain: 0n }, total, 1000)).toBe('Accepted');
    expect(evaluationOutcome({ votes_for: 60n, votes_against: 60n, votes_abstain: 0n }, total, 1000)).toBe('Rejected');
    expect(evaluationOutcome({ votes_for: 0n, votes_against: 0n, votes_abstain: 500n }, total, 1000)).toBe('Rejected');
    expect(evaluationOutcome({ votes_for: 51n, votes_against: 50n, votes_abstain: 0n }, total, 1000)).toBe('Accepted');
  });
});

describe('epochs', () => {
  it('places the voting window on the voting epoch', () => {
    expect(votingWindow(3n, 1000n, 100n)).toEqual({ start: 1300n, end: 1400n });
  });

  it('counts due epochs as the contract does', () => {
    expect(dueEpochs(funding, 9n)).toBe(0n); // not accepted
    expect(dueEpochs({ ...accepted, kind: ProposalKind.SetParameter }, 9n)).toBe(0n);
    expect(dueEpochs(accepted, 5n)).toBe(0n);
    expect(dueEpochs(accepted, 6n)).toBe(1n);
    expect(dueEpochs(accepted, 7n)).toBe(2n);
    expect(dueEpochs(accepted, 8n)).toBe(3n);
    expect(dueEpochs(accepted, 100n)).toBe(3n);
    expect(dueEpochs({ ...accepted, paid_epochs: 2 }, 7n)).toBe(0n);
    expect(dueEpochs({ ...accepted, paid_epochs: 2 }, 8n)).toBe(1n);
    expect(dueEpochs({ ...accepted, paid_epochs: 3 }, 100n)).toBe(0n);
  });
});

describe('the fields every proposal has, and funding’s', () => {
  // Each message is the contract's revert reason in words, so the form refuses what the contract would.
  const check: Record<string, (raw: string) => string | undefined> = {
    title: validateTitle,
    descriptionUrl: validateDescriptionUrl,
    descriptionHash: validateDescriptionHash,
    payee: validatePayee,
    amountPerEpoch: (raw) => parseAmountPerEpoch(raw).error,
    epochs: (raw) => parseEpochs(raw).error,
  };

  it.each([
    ['title', 'Audit of the bridge'],
    ['title', 'é'.repeat(60)],
    ['descriptionUrl', 'ipfs://bafy'],
    ['descriptionUrl', 'https://example.com/p'],
    ['descriptionHash', '0x' + 'ab'.repeat(32)],
    ['payee', '0x' + '12'.repeat(20)],
    ['amountPerEpoch', '1000.5'],
    ['epochs', '12'],
  ] as const)('accepts %s %j', (field, raw) => {
    expect(check[field]!(raw)).toBeUndefined();
  });

  it.each([
    ['title', '', 'Title must be 1 to 120 bytes'],
    ['title', 'x'.repeat(121), 'Title must be 1 to 120 bytes'],
    ['title', 'é'.repeat(61), 'Title must be 1 to 120 bytes'],
    ['descriptionUrl', '', 'Description URL is empty'],
    ['descriptionUrl', 'https://' + 'a'.repeat(249), 'Description URL is longer than 256 bytes'],
    ['descriptionUrl', 'http://x', 'Description URL must start with ipfs:// or https://'],
    ['descriptionUrl', 'IPFS://x', 'Description URL must start with ipfs:// or https://'],
    ['descriptionHash', '0x' + '00'.repeat(32), 'Description hash is zero'],
    ['descriptionHash', '0x1234', 'Description hash must be 0x and 64 hex digits'],
    ['payee', '0x' + '00'.repeat(20), 'Payee is the zero address'],
    ['payee', 'callisto', 'Payee must be an address (0x and 40 hex digits)'],
    ['amountPerEpoch', '0', 'Amount per epoch is zero'],
    ['amountPerEpoch', '0.000', 'Amount per epoch is zero'],
    ['amountPerEpoch', 'ten', 'Enter an amount of CLO, such as 1000 or 2.5'],
    ['amountPerEpoch', '-1', 'Enter an amount of CLO, such as 1000 or 2.5'],
    ['amountPerEpoch', '1.' + '1'.repeat(19), 'CLO has at most 18 decimals'],
    ['epochs', '0', 'Epochs must be 1 to 12'],
    ['epochs', '13', 'Epochs must be 1 to 12'],
    ['epochs', '2.5', 'Epochs must be 1 to 12'],
  ] as const)('refuses %s %j', (field, raw, message) => {
    expect(check[field]!(raw)).toBe(message);
  });

  it('reads amounts and epochs as the contract takes them', () => {
    expect(parseAmountPerEpoch('1000.5').value).toBe(parseEther('1000.5'));
    expect(parseEpochs('3').value).toBe(3);
  });
});

describe('contract wording', () => {
  it('matches the revert reasons', () => {
    expect(reasonToMessage('Treasury: title must be 1 to 120 bytes')).toBe('Title must be 1 to 120 bytes');
    expect(reasonToMessage('Treasury: deposit must be exactly 500 CLO')).toBe(depositMessage(parseEther('500')));
    expect(depositMessage(parseEther('0.5'))).toBe('Deposit must be exactly 0.5 CLO');
    expect(depositMessage(1n)).toBe('Deposit must be exactly 0.000000000000000001 CLO');
  });

  it('checks parameter values as submit_parameter_change does: bounds, then one step from the current value', () => {
    const bounds = 'Quorum must be 100 to 3000 bps (1% to 30%)';
    expect(validateParameterValue(ProposalParam.Quorum, 99n)).toBe(bounds);
    expect(validateParameterValue(ProposalParam.Quorum, 100n)).toBeUndefined();
    expect(validateParameterValue(ProposalParam.Quorum, 3000n)).toBeUndefined();
    expect(validateParameterValue(ProposalParam.Quorum, 3001n)).toBe(bounds);
    expect(validateParameterValue(ProposalParam.Quorum, 1500n, 1000n)).toBeUndefined();
    expect(validateParameterValue(ProposalParam.Quorum, 1501n, 1000n)).toBe(
      'Quorum may change by at most 500 bps at a time',
    );
    expect(validateParameterValue(ProposalParam.SubmissionDeposit, 0n)).toBe('Deposit must be 1 to 100000 CLO');
    expect(validateParameterValue(ProposalParam.SubmissionDeposit, parseEther('1'))).toBeUndefined();
    expect(validateParameterValue(ProposalParam.SubmissionDeposit, parseEther('1000'), parseEther('500'))).toBe(
      undefined,
    );
    expect(validateParameterValue(ProposalParam.SubmissionDeposit, parseEther('250') - 1n, parseEther('500'))).toBe(
      'Deposit may at most double or halve at a time',
    );
    expect(validateParameterValue(7, 1n)).toBe('Unknown parameter');
  });

  it('gives the range one change may set, clipped to the bounds', () => {
    expect(allowedParameterRange(ProposalParam.Quorum, 2800n)).toEqual({ min: 2300n, max: 3000n });
    expect(allowedParameterRange(ProposalParam.Quorum, 300n)).toEqual({ min: 100n, max: 800n });
    expect(allowedParameterRange(ProposalParam.SubmissionDeposit, 3n)).toEqual({
      min: parseEther('1'),
      max: 6n,
    });
    expect(allowedParameterRange(ProposalParam.SubmissionDeposit, parseEther('5'))).toEqual({
      min: parseEther('2.5'),
      max: parseEther('10'),
    });
    // A storage price the file system's owner set outside the bounds may come back anywhere within them.
    expect(allowedParameterRange(ProposalParam.StorageFloorPrice, 1n)).toEqual({
      min: 10n ** 12n,
      max: parseEther('10'),
    });
  });
});

describe('audit manager changes', () => {
  it('appends the kinds after the existing ones', () => {
    expect(ProposalKind).toMatchObject({ Funding: 0, SetParameter: 1, AppointAuditManager: 2, DismissAuditManager: 3 });
    expect(isAuditManagerKind(ProposalKind.AppointAuditManager)).toBe(true);
    expect(isAuditManagerKind(ProposalKind.DismissAuditManager)).toBe(true);
    expect(isAuditManagerKind(ProposalKind.Funding)).toBe(false);
    expect(isAuditManagerKind(ProposalKind.SetParameter)).toBe(false);
  });

  it('reports an accepted change that did not take effect', () => {
    expect(executionFailed({ status: ProposalStatus.Accepted, executed: false })).toBe(true);
    expect(executionFailed({ status: ProposalStatus.Accepted, executed: true })).toBe(false);
    expect(executionFailed({ status: ProposalStatus.Voting, executed: false })).toBe(false);
    expect(executionFailed({ status: ProposalStatus.Rejected, executed: false })).toBe(false);
  });

  it('checks the manager and the contact as submit_audit_manager_change does', () => {
    expect(validateManager('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBeUndefined();
    expect(validateManager('0x' + '0'.repeat(40))).toBe('Manager is the zero address');
    expect(validateManager('0x1234')).toBe('Manager must be an address (0x and 40 hex digits)');
    expect(validateManagerContact('', true)).toBe('Contact must be 1 to 100 bytes');
    expect(validateManagerContact('x'.repeat(MAX_CONTACT_BYTES), true)).toBeUndefined();
    expect(validateManagerContact('x'.repeat(MAX_CONTACT_BYTES + 1), true)).toBe('Contact must be 1 to 100 bytes');
    // UTF-8 bytes, as the contract counts them: 34 three-byte characters are 102 bytes.
    expect(validateManagerContact('€'.repeat(34), true)).toBe('Contact must be 1 to 100 bytes');
    expect(validateManagerContact('', false)).toBeUndefined();
    expect(validateManagerContact('x'.repeat(MAX_CONTACT_BYTES + 1), false)).toBe('Contact must be at most 100 bytes');
    expect(reasonToMessage('Treasury: contact must be 1 to 100 bytes')).toBe(validateManagerContact('', true));
    expect(reasonToMessage('Treasury: manager is the zero address')).toBe(validateManager('0x' + '0'.repeat(40)));
  });
});

describe('host node proposals', () => {
  it('appends the kinds and the storage parameters after the existing ones', () => {
    expect(ProposalKind).toEqual({
      Funding: 0,
      SetParameter: 1,
      AppointAuditManager: 2,
      DismissAuditManager: 3,
      ElectHostNode: 4,
      RemoveHostNode: 5,
    });
    expect(ProposalParam).toEqual({ Quorum: 0, SubmissionDeposit: 1, StorageUnitPrice: 2, StorageFloorPrice: 3 });
    expect(isHostNodeKind(ProposalKind.ElectHostNode)).toBe(true);
    expect(isHostNodeKind(ProposalKind.RemoveHostNode)).toBe(true);
    expect(isHostNodeKind(ProposalKind.AppointAuditManager)).toBe(false);
    expect(isSalaryKind(ProposalKind.ElectHostNode)).toBe(true);
    expect(isSalaryKind(ProposalKind.Funding)).toBe(true);
    expect(isSalaryKind(ProposalKind.RemoveHostNode)).toBe(false);
    expect(isStorageParam(ProposalParam.StorageUnitPrice)).toBe(true);
    expect(isStorageParam(ProposalParam.StorageFloorPrice)).toBe(true);
    expect(isStorageParam(ProposalParam.SubmissionDeposit)).toBe(false);
  });

  const election = { ...accepted, kind: ProposalKind.ElectHostNode, epochs: 6, executed: true };

  it('shows an executed election’s salary like funding, a refused one as merely accepted', () => {
    expect(paysPerEpoch(election)).toBe(true);
    expect(paysPerEpoch({ ...election, executed: false })).toBe(false);
    expect(paysPerEpoch({ ...election, status: ProposalStatus.Voting })).toBe(false);
    expect(paysPerEpoch({ ...election, kind: ProposalKind.RemoveHostNode })).toBe(false);
    expect(proposalStatusLabel(election, 6n)).toBe('Accepted');
    expect(proposalStatusLabel({ ...election, paid_epochs: 2 }, 8n)).toBe('Being paid');
    expect(proposalStatusLabel({ ...election, paid_epochs: 6 }, 12n)).toBe('Completed');
    expect(proposalStatusLabel({ ...election, executed: false }, 12n)).toBe('Accepted');
    expect(proposalStatusLabel({ ...election, kind: ProposalKind.RemoveHostNode, epochs: 0 }, 12n)).toBe('Accepted');
  });

  it('counts an executed election’s due epochs as the contract does, and none for a refused one', () => {
    expect(dueEpochs(election, 5n)).toBe(0n);
    expect(dueEpochs(election, 6n)).toBe(1n);
    expect(dueEpochs({ ...election, paid_epochs: 1 }, 8n)).toBe(2n);
    expect(dueEpochs(election, 60n)).toBe(6n);
    expect(dueEpochs({ ...election, executed: false }, 9n)).toBe(0n);
    // A removal that ended the salary leaves fewer epochs than were paid: nothing more is due.
    expect(dueEpochs({ ...election, epochs: 2, paid_epochs: 3 }, 20n)).toBe(0n);
  });

  it('checks the node, the endpoint, the capacity and the salary as the contracts do', () => {
    expect(validateNode('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBeUndefined();
    expect(validateNode('0x' + '0'.repeat(40))).toBe('Node is the zero address');
    expect(validateNode('node')).toBe('Node must be an address (0x and 40 hex digits)');
    expect(validateEndpoint('https://node.example.org')).toBeUndefined();
    expect(validateEndpoint('http://10.0.0.2:5001')).toBeUndefined();
    expect(validateEndpoint('')).toBe('Endpoint must be 1 to 256 bytes');
    // UTF-8 bytes, as the contract counts them.
    const prefix = 'https://example.org/';
    expect(validateEndpoint(prefix + 'a'.repeat(MAX_ENDPOINT_BYTES - prefix.length))).toBeUndefined();
    expect(validateEndpoint(prefix + '€'.repeat(79))).toBe('Endpoint must be 1 to 256 bytes');
    expect(validateEndpoint('ipfs://bafy')).toBe('Endpoint must start with http:// or https://');
    expect(parseCapacityMb('10240')).toEqual({ value: 10_240n });
    expect(parseCapacityMb(' 10,240 ')).toEqual({ value: 10_240n });
    expect(parseCapacityMb('0').error).toBe('Capacity must be above zero');
    expect(parseCapacityMb('').error).toMatch(/in MB/);
    expect(parseCapacityMb('-5').error).toMatch(/whole number/);
    expect(parseCapacityMb('1e3').error).toMatch(/whole number/);
    expect(parseCapacityMb((2n ** 64n - 1n).toString())).toEqual({ value: 2n ** 64n - 1n });
    expect(parseCapacityMb((2n ** 64n).toString()).error).toMatch(/at most/);
    expect(parseSalaryPerEpoch('0').error).toBe('Salary per epoch must be above zero');
    expect(parseSalaryPerEpoch('12.5')).toEqual({ value: parseEther('12.5') });
    expect(parseSalaryPerEpoch('x').error).toMatch(/amount of CLO/);
  });

  it('checks the storage prices as submit_parameter_change does', () => {
    expect(validateParameterValue(ProposalParam.StorageUnitPrice, 0n)).toBe(
      'Unit price must be 0.001 to 1000 CLO a MB',
    );
    expect(validateParameterValue(ProposalParam.StorageUnitPrice, parseEther('0.001'))).toBeUndefined();
    expect(validateParameterValue(ProposalParam.StorageFloorPrice, 0n)).toBe(
      'Floor price must be 0.000001 to 10 CLO a MB',
    );
    expect(validateParameterValue(ProposalParam.StorageFloorPrice, 10n ** 12n)).toBeUndefined();
    expect(validateParameterValue(ProposalParam.StorageUnitPrice, parseEther('21'), parseEther('10'))).toBe(
      'Unit price may at most double or halve at a time',
    );
  });

  it('says the same as the contract’s revert reasons', () => {
    const same = (reason: string, message: string | undefined) => expect(reasonToMessage(reason)).toBe(message);
    same('Treasury: node is the zero address', validateNode('0x' + '0'.repeat(40)));
    same('Treasury: endpoint must be 1 to 256 bytes', validateEndpoint(''));
    same('Treasury: endpoint must start with http:// or https://', validateEndpoint('ftp://node.example.org'));
    same('Treasury: capacity must be above zero', parseCapacityMb('0').error);
    same('Treasury: salary per epoch must be above zero', parseSalaryPerEpoch('0').error);
    same('Treasury: epochs must be 1 to 12', 'Epochs must be 1 to 12');
    same(
      'Treasury: unit price must be 0.001 to 1000 CLO a MB',
      validateParameterValue(ProposalParam.StorageUnitPrice, 0n),
    );
    same(
      'Treasury: floor price must be 0.000001 to 10 CLO a MB',
      validateParameterValue(ProposalParam.StorageFloorPrice, 0n),
    );
    // The file system's refusals, relayed by ExecutionFailed, read the same way.
    same('CallistoFS: node is already elected', 'Node is already elected');
  });
});
