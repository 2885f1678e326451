import { describe, expect, it } from 'vitest';
import { keccak256, parseEther, toBytes } from 'viem';
import { type NewProposalInput, validateNewProposal } from './newProposal';
import { ProposalParam } from './proposal';
import { BOB, CAROL } from './testProposal';

describe('validateNewProposal', () => {
  const text = '# Plan\n\nDo it.\n';
  const funding: NewProposalInput = {
    kind: 'funding',
    title: 'Fund a thing',
    descriptionUrl: 'https://example.org/plan.md',
    descriptionMode: 'text',
    descriptionText: text,
    descriptionHash: '',
    payee: BOB.toLowerCase(),
    amountPerEpoch: '100',
    epochs: '3',
    param: 'quorum',
    paramValue: '',
    managerAction: 'appoint',
    manager: '',
    managerContact: '',
    node: '',
    endpoint: '',
    capacityMb: '',
    salaryPerEpoch: '',
    salaryEpochs: '1',
    hasAuditRegistry: true,
    hasFileSystem: true,
    deposit: parseEther('500'),
    balance: parseEther('1000'),
  };

  it('builds the funding call with the hash of the text and a checksummed payee', () => {
    const result = validateNewProposal(funding);
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_funding',
      args: ['Fund a thing', 'https://example.org/plan.md', keccak256(toBytes(text)), BOB, parseEther('100'), 3],
      value: parseEther('500'),
    });
  });

  it('takes a pasted hash as is', () => {
    const pasted = keccak256(toBytes('elsewhere'));
    const result = validateNewProposal({ ...funding, descriptionMode: 'hash', descriptionHash: ` ${pasted} ` });
    expect(result.hash).toBe(pasted);
    expect(result.call?.args[2]).toBe(pasted);
    expect(validateNewProposal({ ...funding, descriptionMode: 'hash', descriptionHash: '0x12' }).errors).toHaveProperty(
      'descriptionHash',
    );
  });

  it('says what is wrong next to each field and sends nothing', () => {
    const result = validateNewProposal({
      ...funding,
      title: 'x'.repeat(121),
      descriptionUrl: 'http://example.org',
      descriptionText: '  ',
      payee: '0x0000000000000000000000000000000000000000',
      amountPerEpoch: '0',
      epochs: '13',
    });
    expect(Object.keys(result.errors).sort()).toEqual(
      ['amountPerEpoch', 'descriptionText', 'descriptionUrl', 'epochs', 'payee', 'title'].sort(),
    );
    expect(result.call).toBeUndefined();
    expect(validateNewProposal({ ...funding, title: '' }).errors.title).toBeDefined();
    // 40 three-byte characters are 120 bytes: allowed; one more is not.
    expect(validateNewProposal({ ...funding, title: '€'.repeat(40) }).errors.title).toBeUndefined();
    expect(validateNewProposal({ ...funding, title: '€'.repeat(41) }).errors.title).toBeDefined();
    expect(validateNewProposal({ ...funding, payee: 'bob' }).errors.payee).toBeDefined();
    expect(validateNewProposal({ ...funding, amountPerEpoch: '1.0000000000000000001' }).errors.amountPerEpoch).toMatch(
      /18 decimals/,
    );
  });

  it('builds parameter changes in the contract units', () => {
    const quorum = validateNewProposal({ ...funding, kind: 'parameter', param: 'quorum', paramValue: '12.5' });
    expect(quorum.call).toMatchObject({ functionName: 'submit_parameter_change' });
    expect(quorum.call?.args.slice(3)).toEqual([ProposalParam.Quorum, 1250n]);
    const deposit = validateNewProposal({ ...funding, kind: 'parameter', param: 'deposit', paramValue: '250' });
    expect(deposit.call?.args.slice(3)).toEqual([ProposalParam.SubmissionDeposit, parseEther('250')]);
    expect(validateNewProposal({ ...funding, kind: 'parameter', paramValue: '0' }).errors.paramValue).toBeDefined();
    expect(validateNewProposal({ ...funding, kind: 'parameter', paramValue: '101' }).errors.paramValue).toBeDefined();
    // The funding fields do not matter for a parameter change.
    expect(
      validateNewProposal({ ...funding, kind: 'parameter', paramValue: '10', payee: '', amountPerEpoch: '' }).errors,
    ).toEqual({});
  });

  it('checks the balance against the deposit', () => {
    const poor = validateNewProposal({ ...funding, balance: parseEther('499') });
    expect(poor.errors.deposit).toBe('Your balance of 499 CLO does not cover the 500 CLO deposit');
    expect(poor.call).toBeUndefined();
    expect(validateNewProposal({ ...funding, deposit: undefined }).call).toBeUndefined();
    expect(validateNewProposal({ ...funding, balance: undefined }).call).toBeDefined();
  });

  const audit: NewProposalInput = { ...funding, kind: 'auditManager', payee: '', amountPerEpoch: '' };

  it('builds an appointment with a checksummed manager and the contact as typed', () => {
    const result = validateNewProposal({
      ...audit,
      manager: ` ${CAROL.toLowerCase()} `,
      managerContact: 'audits@example.org',
    });
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_audit_manager_change',
      args: [
        'Fund a thing',
        'https://example.org/plan.md',
        keccak256(toBytes(text)),
        CAROL,
        'audits@example.org',
        true,
      ],
      value: parseEther('500'),
    });
  });

  it('builds a dismissal without a contact, whatever the contact field holds', () => {
    const result = validateNewProposal({
      ...audit,
      managerAction: 'dismiss',
      manager: CAROL,
      managerContact: 'x'.repeat(101),
    });
    expect(result.errors).toEqual({});
    expect(result.call?.functionName).toBe('submit_audit_manager_change');
    expect(result.call?.args.slice(3)).toEqual([CAROL, '', false]);
  });

  it('checks the manager and the contact with the contract meanings', () => {
    const zero = validateNewProposal({
      ...audit,
      manager: '0x0000000000000000000000000000000000000000',
      managerContact: 'me',
    });
    expect(zero.errors).toEqual({ manager: 'Manager is the zero address' });
    expect(zero.call).toBeUndefined();
    expect(validateNewProposal({ ...audit, manager: 'carol', managerContact: 'me' }).errors.manager).toMatch(/address/);
    expect(validateNewProposal({ ...audit, manager: CAROL, managerContact: '' }).errors).toEqual({
      managerContact: 'Contact must be 1 to 100 bytes',
    });
    // UTF-8 bytes, as the contract counts them: 33 three-byte characters are 99 bytes, 34 are 102.
    expect(validateNewProposal({ ...audit, manager: CAROL, managerContact: '€'.repeat(33) }).errors).toEqual({});
    expect(
      validateNewProposal({ ...audit, manager: CAROL, managerContact: '€'.repeat(34) }).errors.managerContact,
    ).toBe('Contact must be 1 to 100 bytes');
    expect(validateNewProposal({ ...audit, manager: CAROL, managerContact: 'x'.repeat(100) }).errors).toEqual({});
    // Dismissing needs no contact.
    expect(validateNewProposal({ ...audit, managerAction: 'dismiss', manager: CAROL }).errors).toEqual({});
  });

  it('refuses audit manager proposals on a chain without an audit registry', () => {
    const result = validateNewProposal({ ...audit, manager: CAROL, managerContact: 'me', hasAuditRegistry: false });
    expect(result.errors).toEqual({ manager: 'No audit registry on this chain' });
    expect(result.call).toBeUndefined();
    // Not yet read: the fields decide.
    expect(
      validateNewProposal({ ...audit, manager: CAROL, managerContact: 'me', hasAuditRegistry: undefined }).call,
    ).toBeDefined();
    // Other kinds do not need the registry.
    expect(validateNewProposal({ ...funding, hasAuditRegistry: false }).call).toBeDefined();
  });

  it('ignores the audit manager fields for the other kinds', () => {
    expect(validateNewProposal({ ...funding, manager: 'nonsense', managerContact: '' }).errors).toEqual({});
  });

  const election: NewProposalInput = {
    ...funding,
    kind: 'electHostNode',
    payee: '',
    amountPerEpoch: '',
    node: ` ${CAROL.toLowerCase()} `,
    endpoint: 'https://node-1.example.org:8443/',
    capacityMb: '10240',
    salaryPerEpoch: '250.5',
    salaryEpochs: '6',
  };

  it('builds a host node election in the contract units, the endpoint as typed', () => {
    const result = validateNewProposal(election);
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_host_node_election',
      args: [
        'Fund a thing',
        'https://example.org/plan.md',
        keccak256(toBytes(text)),
        CAROL,
        'https://node-1.example.org:8443/',
        10_240n,
        parseEther('250.5'),
        6,
      ],
      value: parseEther('500'),
    });
    // Plain http: is allowed: operators on a local network or behind their own proxy.
    expect(validateNewProposal({ ...election, endpoint: 'http://127.0.0.1:5001' }).call).toBeDefined();
  });

  it('says what is wrong with each election field and sends nothing', () => {
    const bad = validateNewProposal({
      ...election,
      node: '0x0000000000000000000000000000000000000000',
      endpoint: 'ftp://node.example.org',
      capacityMb: '0',
      salaryPerEpoch: '0',
      salaryEpochs: '13',
    });
    expect(bad.errors).toEqual({
      node: 'Node is the zero address',
      endpoint: 'Endpoint must start with http:// or https://',
      capacityMb: 'Capacity must be above zero',
      salaryPerEpoch: 'Salary per epoch must be above zero',
      salaryEpochs: 'Epochs must be 1 to 12',
    });
    expect(bad.call).toBeUndefined();
    expect(validateNewProposal({ ...election, node: 'carol' }).errors.node).toMatch(/address/);
    expect(validateNewProposal({ ...election, capacityMb: '1.5' }).errors.capacityMb).toMatch(/whole number/);
    expect(validateNewProposal({ ...election, capacityMb: (2n ** 64n).toString() }).errors.capacityMb).toMatch(
      /at most/,
    );
    expect(validateNewProposal({ ...election, salaryPerEpoch: 'ten' }).errors.salaryPerEpoch).toBeDefined();
    expect(validateNewProposal({ ...election, salaryEpochs: '0' }).errors.salaryEpochs).toBe('Epochs must be 1 to 12');
    // The funding fields do not matter for an election.
    expect(validateNewProposal({ ...election, payee: 'x', amountPerEpoch: 'y', epochs: '99' }).errors).toEqual({});
  });

  it('checks the endpoint as the file system stores it, and a little more', () => {
    const endpoint = (value: string) => validateNewProposal({ ...election, endpoint: value }).errors.endpoint;
    expect(endpoint('')).toBe('Endpoint must be 1 to 256 bytes');
    const long = `https://example.org/${'a'.repeat(256 - 'https://example.org/'.length)}`;
    expect(endpoint(long)).toBeUndefined();
    expect(endpoint(`${long}a`)).toBe('Endpoint must be 1 to 256 bytes');
    expect(endpoint('javascript:alert(1)')).toBe('Endpoint must start with http:// or https://');
    expect(endpoint('HTTPS://node.example.org')).toBe('Endpoint must start with http:// or https://');
    expect(endpoint('https://')).toMatch(/URL with a host/);
    expect(endpoint('https://node.example.org ')).toMatch(/spaces or control characters/);
    expect(endpoint('https://node.example.org/\n')).toMatch(/spaces or control characters/);
    expect(endpoint('https://node.example.org@evil.example/')).toMatch(/user name or password/);
  });

  it('builds a host node removal from the node alone', () => {
    const result = validateNewProposal({
      ...election,
      kind: 'removeHostNode',
      endpoint: '',
      capacityMb: '',
      salaryPerEpoch: '',
      salaryEpochs: '',
    });
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_host_node_removal',
      args: ['Fund a thing', 'https://example.org/plan.md', keccak256(toBytes(text)), CAROL],
      value: parseEther('500'),
    });
    expect(validateNewProposal({ ...election, kind: 'removeHostNode', node: '' }).errors).toEqual({
      node: 'Node must be an address (0x and 40 hex digits)',
    });
  });

  it('refuses host node and storage price proposals on a chain without a file system', () => {
    const none = 'No file system on this chain';
    expect(validateNewProposal({ ...election, hasFileSystem: false }).errors).toEqual({ node: none });
    expect(validateNewProposal({ ...election, kind: 'removeHostNode', hasFileSystem: false }).errors).toEqual({
      node: none,
    });
    const price = { ...funding, kind: 'parameter', param: 'storageUnitPrice', paramValue: '0.01' } as const;
    expect(validateNewProposal({ ...price, hasFileSystem: false }).errors).toEqual({ paramValue: none });
    // Not yet read: the fields decide. The treasury's own parameters never need it.
    expect(validateNewProposal({ ...election, hasFileSystem: undefined }).call).toBeDefined();
    expect(validateNewProposal({ ...price, hasFileSystem: undefined }).call).toBeDefined();
    expect(
      validateNewProposal({ ...funding, kind: 'parameter', paramValue: '10', hasFileSystem: false }).call,
    ).toBeDefined();
    expect(validateNewProposal({ ...funding, hasFileSystem: false }).call).toBeDefined();
  });

  it('builds storage price changes in wei per MB', () => {
    const unit = validateNewProposal({ ...funding, kind: 'parameter', param: 'storageUnitPrice', paramValue: '0.01' });
    expect(unit.call?.functionName).toBe('submit_parameter_change');
    expect(unit.call?.args.slice(3)).toEqual([ProposalParam.StorageUnitPrice, parseEther('0.01')]);
    const floor = validateNewProposal({
      ...funding,
      kind: 'parameter',
      param: 'storageFloorPrice',
      paramValue: '0.000001',
    });
    expect(floor.call?.args.slice(3)).toEqual([ProposalParam.StorageFloorPrice, 10n ** 12n]);
    // Below the bounds, or more than one step from today's price, the form says so before sending.
    expect(
      validateNewProposal({ ...funding, kind: 'parameter', param: 'storageFloorPrice', paramValue: '0.0000001' }).errors
        .paramValue,
    ).toBe('Floor price must be 0.000001 to 10 CLO a MB');
    expect(
      validateNewProposal({
        ...funding,
        kind: 'parameter',
        param: 'storageUnitPrice',
        paramValue: '25',
        currentParameters: { [ProposalParam.StorageUnitPrice]: parseEther('10') },
      }).errors.paramValue,
    ).toBe('Unit price may at most double or halve at a time');
    const price = (paramValue: string) =>
      validateNewProposal({ ...funding, kind: 'parameter', param: 'storageFloorPrice', paramValue }).errors.paramValue;
    expect(price('0')).toBe('The price must be above zero');
    expect(price('')).toMatch(/CLO per MB/);
    expect(price('-1')).toMatch(/number/);
    expect(price('0.0000000000000000001')).toMatch(/18 decimals/);
  });
});
