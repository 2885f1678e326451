import { describe, expect, it } from 'vitest';
import { keccak256, parseEther, toBytes } from 'viem';
import {
  describeSubmitCall,
  validateNewProposal,
  type AuditManagerFields,
  type ChainFacts,
  type ElectHostNodeFields,
  type FundingFields,
  type KindFields,
  type NewProposalForm,
} from './newProposal';
import type { ParameterChoice } from './parameters';
import { ProposalParam } from './proposal';
import { BOB, CAROL } from './testProposal';

const text = '# Plan\n\nDo it.\n';
const textHash = keccak256(toBytes(text));
const FACTS: ChainFacts = {
  hasAuditRegistry: true,
  hasFileSystem: true,
  deposit: parseEther('500'),
  balance: parseEther('1000'),
};
const COMMON: Omit<NewProposalForm, 'asks'> = {
  title: 'Fund a thing',
  descriptionStorage: 'url',
  descriptionUrl: 'https://example.org/plan.md',
  descriptionMode: 'text',
  descriptionText: text,
  descriptionHash: '',
};

/** Validates a form asking `asks`, with the common fields and chain facts overridden as given. */
function validate(asks: KindFields, common: Partial<Omit<NewProposalForm, 'asks'>> = {}, facts: ChainFacts = {}) {
  return validateNewProposal({ ...COMMON, ...common, asks }, { ...FACTS, ...facts });
}

const funding = (over: Partial<FundingFields> = {}): FundingFields => ({
  kind: 'funding',
  payee: BOB.toLowerCase(),
  amountPerEpoch: '100',
  epochs: '3',
  ...over,
});
const parameter = (param: ParameterChoice, value: string): KindFields => ({ kind: 'parameter', param, value });
const audit = (over: Partial<AuditManagerFields> = {}): AuditManagerFields => ({
  kind: 'auditManager',
  action: 'appoint',
  manager: CAROL,
  contact: 'me',
  ...over,
});
const election = (over: Partial<ElectHostNodeFields> = {}): ElectHostNodeFields => ({
  kind: 'electHostNode',
  node: ` ${CAROL.toLowerCase()} `,
  endpoint: 'https://node-1.example.org:8443/',
  capacityMb: '10240',
  salaryPerEpoch: '250.5',
  salaryEpochs: '6',
  ...over,
});
const removal = (node: string): KindFields => ({ kind: 'removeHostNode', node });

describe('the new proposal form: the fields every kind has', () => {
  it('builds the funding call with the hash of the text and a checksummed payee', () => {
    const result = validate(funding());
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_funding',
      args: ['Fund a thing', 'https://example.org/plan.md', textHash, BOB, parseEther('100'), 3],
      value: parseEther('500'),
    });
  });

  it('takes a pasted hash as is, in lower case', () => {
    const pasted = keccak256(toBytes('elsewhere'));
    const result = validate(funding(), {
      descriptionMode: 'hash',
      descriptionHash: ` ${pasted.toUpperCase().replace('0X', '0x')} `,
    });
    expect(result.hash).toBe(pasted);
    expect(result.call?.args[2]).toBe(pasted);
    expect(validate(funding(), { descriptionMode: 'hash', descriptionHash: '0x12' }).errors).toHaveProperty(
      'descriptionHash',
    );
  });

  it('says what is wrong next to each field and sends nothing', () => {
    const result = validate(
      funding({ payee: '0x0000000000000000000000000000000000000000', amountPerEpoch: '0', epochs: '13' }),
      { title: 'x'.repeat(121), descriptionUrl: 'http://example.org', descriptionText: '  ' },
    );
    expect(Object.keys(result.errors).sort()).toEqual(
      ['amountPerEpoch', 'descriptionText', 'descriptionUrl', 'epochs', 'payee', 'title'].sort(),
    );
    expect(result.call).toBeUndefined();
    expect(validate(funding(), { title: '' }).errors.title).toBeDefined();
    // 40 three-byte characters are 120 bytes: allowed; one more is not.
    expect(validate(funding(), { title: '€'.repeat(40) }).errors.title).toBeUndefined();
    expect(validate(funding(), { title: '€'.repeat(41) }).errors.title).toBeDefined();
    expect(validate(funding({ payee: 'bob' })).errors.payee).toBeDefined();
    expect(validate(funding({ amountPerEpoch: '1.0000000000000000001' })).errors.amountPerEpoch).toMatch(/18 decimals/);
  });

  it('checks the balance against the deposit', () => {
    const poor = validate(funding(), {}, { balance: parseEther('499') });
    expect(poor.errors.deposit).toBe('Your balance of 499 CLO does not cover the 500 CLO deposit');
    expect(poor.call).toBeUndefined();
    expect(validate(funding(), {}, { deposit: undefined }).call).toBeUndefined();
    // No balance known (no wallet yet): the contract is the judge.
    expect(validateNewProposal({ ...COMMON, asks: funding() }, { ...FACTS, balance: undefined }).call).toBeDefined();
  });

  it('describes the call in words before it is signed', () => {
    expect(describeSubmitCall(validate(funding()).call!)).toBe(`Pay 100 CLO × 3 epochs to ${BOB}`);
    expect(describeSubmitCall(validate(parameter('quorum', '12.5')).call!)).toBe('Quorum → 12.5%');
    expect(describeSubmitCall(validate(audit({ action: 'dismiss' })).call!)).toBe(`Dismiss audit manager ${CAROL}`);
    expect(describeSubmitCall(validate(removal(CAROL)).call!)).toBe(`Remove ${CAROL}`);
  });
});

describe('the new proposal form: parameter changes', () => {
  it('builds parameter changes in the contract units', () => {
    const quorum = validate(parameter('quorum', '12.5'));
    expect(quorum.call).toMatchObject({ functionName: 'submit_parameter_change' });
    expect(quorum.call?.args.slice(3)).toEqual([ProposalParam.Quorum, 1250n]);
    const deposit = validate(parameter('deposit', '250'));
    expect(deposit.call?.args.slice(3)).toEqual([ProposalParam.SubmissionDeposit, parseEther('250')]);
    expect(validate(parameter('quorum', '0')).errors.value).toBeDefined();
    expect(validate(parameter('quorum', '101')).errors.value).toBeDefined();
  });

  it('builds storage price changes in wei per MB', () => {
    const unit = validate(parameter('storageUnitPrice', '0.01'));
    expect(unit.call?.functionName).toBe('submit_parameter_change');
    expect(unit.call?.args.slice(3)).toEqual([ProposalParam.StorageUnitPrice, parseEther('0.01')]);
    const floor = validate(parameter('storageFloorPrice', '0.000001'));
    expect(floor.call?.args.slice(3)).toEqual([ProposalParam.StorageFloorPrice, 10n ** 12n]);
    // Below the bounds, or more than one step from today's price, the form says so before sending.
    expect(validate(parameter('storageFloorPrice', '0.0000001')).errors.value).toBe(
      'Floor price must be 0.000001 to 10 CLO a MB',
    );
    expect(
      validate(
        parameter('storageUnitPrice', '25'),
        {},
        {
          currentParameters: { [ProposalParam.StorageUnitPrice]: parseEther('10') },
        },
      ).errors.value,
    ).toBe('Unit price may at most double or halve at a time');
    const price = (value: string) => validate(parameter('storageFloorPrice', value)).errors.value;
    expect(price('0')).toBe('The price must be above zero');
    expect(price('')).toMatch(/CLO per MB/);
    expect(price('-1')).toMatch(/number/);
    expect(price('0.0000000000000000001')).toMatch(/18 decimals/);
  });
});

describe('the new proposal form: audit managers', () => {
  it('builds an appointment with a checksummed manager and the contact as typed', () => {
    const result = validate(audit({ manager: ` ${CAROL.toLowerCase()} `, contact: 'audits@example.org' }));
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_audit_manager_change',
      args: ['Fund a thing', 'https://example.org/plan.md', textHash, CAROL, 'audits@example.org', true],
      value: parseEther('500'),
    });
  });

  it('builds a dismissal without a contact, whatever the contact field holds', () => {
    const result = validate(audit({ action: 'dismiss', contact: 'x'.repeat(101) }));
    expect(result.errors).toEqual({});
    expect(result.call?.functionName).toBe('submit_audit_manager_change');
    expect(result.call?.args.slice(3)).toEqual([CAROL, '', false]);
  });

  it('checks the manager and the contact with the contract meanings', () => {
    const zero = validate(audit({ manager: '0x0000000000000000000000000000000000000000' }));
    expect(zero.errors).toEqual({ manager: 'Manager is the zero address' });
    expect(zero.call).toBeUndefined();
    expect(validate(audit({ manager: 'carol' })).errors.manager).toMatch(/address/);
    expect(validate(audit({ contact: '' })).errors).toEqual({ contact: 'Contact must be 1 to 100 bytes' });
    // UTF-8 bytes, as the contract counts them: 33 three-byte characters are 99 bytes, 34 are 102.
    expect(validate(audit({ contact: '€'.repeat(33) })).errors).toEqual({});
    expect(validate(audit({ contact: '€'.repeat(34) })).errors.contact).toBe('Contact must be 1 to 100 bytes');
    expect(validate(audit({ contact: 'x'.repeat(100) })).errors).toEqual({});
    // Dismissing needs no contact.
    expect(validate(audit({ action: 'dismiss', contact: '' })).errors).toEqual({});
  });

  it('refuses audit manager proposals on a chain without an audit registry', () => {
    const result = validate(audit(), {}, { hasAuditRegistry: false });
    expect(result.errors).toEqual({ manager: 'No audit registry on this chain' });
    expect(result.call).toBeUndefined();
    // Not yet read: the fields decide.
    expect(validate(audit(), {}, { hasAuditRegistry: undefined }).call).toBeDefined();
    // Other kinds do not need the registry.
    expect(validate(funding(), {}, { hasAuditRegistry: false }).call).toBeDefined();
  });
});

describe('the new proposal form: host nodes', () => {
  it('builds a host node election in the contract units, the endpoint as typed', () => {
    const result = validate(election());
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_host_node_election',
      args: [
        'Fund a thing',
        'https://example.org/plan.md',
        textHash,
        CAROL,
        'https://node-1.example.org:8443/',
        10_240n,
        parseEther('250.5'),
        6,
      ],
      value: parseEther('500'),
    });
    // Plain http: is allowed: operators on a local network or behind their own proxy.
    expect(validate(election({ endpoint: 'http://127.0.0.1:5001' })).call).toBeDefined();
  });

  it('says what is wrong with each election field and sends nothing', () => {
    const bad = validate(
      election({
        node: '0x0000000000000000000000000000000000000000',
        endpoint: 'ftp://node.example.org',
        capacityMb: '0',
        salaryPerEpoch: '0',
        salaryEpochs: '13',
      }),
    );
    expect(bad.errors).toEqual({
      node: 'Node is the zero address',
      endpoint: 'Endpoint must start with http:// or https://',
      capacityMb: 'Capacity must be above zero',
      salaryPerEpoch: 'Salary per epoch must be above zero',
      salaryEpochs: 'Epochs must be 1 to 12',
    });
    expect(bad.call).toBeUndefined();
    expect(validate(election({ node: 'carol' })).errors.node).toMatch(/address/);
    expect(validate(election({ capacityMb: '1.5' })).errors.capacityMb).toMatch(/whole number/);
    expect(validate(election({ capacityMb: (2n ** 64n).toString() })).errors.capacityMb).toMatch(/at most/);
    expect(validate(election({ salaryPerEpoch: 'ten' })).errors.salaryPerEpoch).toBeDefined();
    expect(validate(election({ salaryEpochs: '0' })).errors.salaryEpochs).toBe('Epochs must be 1 to 12');
  });

  it('checks the endpoint as the file system stores it, and a little more', () => {
    const endpoint = (value: string) => validate(election({ endpoint: value })).errors.endpoint;
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
    const result = validate(removal(` ${CAROL.toLowerCase()} `));
    expect(result.errors).toEqual({});
    expect(result.call).toEqual({
      functionName: 'submit_host_node_removal',
      args: ['Fund a thing', 'https://example.org/plan.md', textHash, CAROL],
      value: parseEther('500'),
    });
    expect(validate(removal('')).errors).toEqual({ node: 'Node must be an address (0x and 40 hex digits)' });
  });

  it('refuses host node and storage price proposals on a chain without a file system', () => {
    const none = 'No file system on this chain';
    const noFs = { hasFileSystem: false };
    expect(validate(election(), {}, noFs).errors).toEqual({ node: none });
    expect(validate(removal(CAROL), {}, noFs).errors).toEqual({ node: none });
    expect(validate(parameter('storageUnitPrice', '0.01'), {}, noFs).errors).toEqual({ value: none });
    // Not yet read: the fields decide. The treasury's own parameters never need it.
    expect(validate(election(), {}, { hasFileSystem: undefined }).call).toBeDefined();
    expect(validate(parameter('storageUnitPrice', '0.01'), {}, { hasFileSystem: undefined }).call).toBeDefined();
    expect(validate(parameter('quorum', '10'), {}, noFs).call).toBeDefined();
    expect(validate(funding(), {}, noFs).call).toBeDefined();
  });
});
