// The new-proposal form's fields, kind by kind, as the user meets them: a message shows once a field is left, the
// rule is said next to the field, and a valid form sends the call the contract expects. The form's chain reads are
// given as facts (what the hooks would read), so no chain is needed here.
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { getAddress, parseEther } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import {
  EMPTY_KIND_FIELDS,
  EMPTY_NEW_PROPOSAL,
  validateNewProposal,
  type ChainFacts,
  type NewProposalForm,
  type SubmitCall,
} from '@/lib/governance/newProposal';
import type { HostNodeInfo } from '@/lib/governance/hostNodes';
import { ProposalParam } from '@/lib/governance/proposal';
import { KindChoice } from './KindChoice';
import { KindFieldsFor } from './KindFields';
import { TextField } from './TextField';
import { useShownErrors } from './useShownErrors';

const PAYEE = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';
const NODE = '0x90f79bf6eb2c4f870365e785982e1f101e93b906';
const HASH = `0x${'ab'.repeat(32)}` as const;
const FACTS: ChainFacts = {
  deposit: parseEther('500'),
  balance: parseEther('1000'),
  hasAuditRegistry: true,
  hasFileSystem: true,
  currentParameters: { [ProposalParam.Quorum]: 1000n, [ProposalParam.SubmissionDeposit]: parseEther('500') },
};
const ELECTED: HostNodeInfo[] = [
  {
    node: getAddress(NODE),
    endpoint: 'https://node-1.example.org',
    capacity_mb: 2048n,
    elected_at: 1n,
    confirmations: 0n,
    confirmed_bytes: 0n,
  },
];

/** The form's "What it asks" card wired as NewProposalForm wires it, with the description already given. */
function Harness({ onSend, hostNodes = ELECTED }: { onSend(call: SubmitCall): void; hostNodes?: HostNodeInfo[] }) {
  const [form, setForm] = useState<NewProposalForm>({
    ...EMPTY_NEW_PROPOSAL,
    descriptionUrl: 'https://example.org/p.md',
    descriptionMode: 'hash',
    descriptionHash: HASH,
  });
  const result = validateNewProposal(form, FACTS);
  const errors = useShownErrors(result.errors);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        errors.markSubmitted();
        if (result.call) onSend(result.call);
      }}
    >
      <KindChoice
        kind={form.asks.kind}
        onChange={(kind) => setForm((f) => ({ ...f, asks: EMPTY_KIND_FIELDS[kind] }))}
        hasAuditRegistry
        hasFileSystem
      />
      <TextField
        id="title"
        field="title"
        label="Title"
        value={form.title}
        onChange={(title) => setForm((f) => ({ ...f, title }))}
        errors={errors}
      />
      <KindFieldsFor
        asks={form.asks}
        onChange={(asks) => setForm((f) => ({ ...f, asks }))}
        errors={errors}
        call={result.call}
        staking={undefined}
        now={{ quorumBps: 1000n, deposit: parseEther('500') }}
        currentParameters={FACTS.currentParameters ?? {}}
        hasFileSystem
        elected={{ hostNodes, pending: false }}
      />
      <button type="submit" data-submit>
        Submit proposal
      </button>
    </form>
  );
}

function setup(hostNodes?: HostNodeInfo[]) {
  const user = userEvent.setup();
  const onSend = vi.fn<(call: SubmitCall) => void>();
  render(<Harness onSend={onSend} hostNodes={hostNodes} />);
  return { user, onSend };
}

describe('new proposal: funding', () => {
  it('says nothing while the payee is typed, and what is wrong once the field is left', async () => {
    const { user } = setup();
    const payee = screen.getByLabelText('Payee address');
    await user.type(payee, '0x0000000000000000000000000000000000000000');
    expect(screen.queryByText('Payee is the zero address')).toBeNull();
    await user.tab();
    const message = screen.getByText('Payee is the zero address');
    expect(payee.getAttribute('aria-invalid')).toBe('true');
    expect(payee.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('keeps a message back when the field is left for the submit button, so the button does not move', async () => {
    const { user } = setup();
    const amount = screen.getByLabelText('Amount per epoch (CLO)');
    await user.type(amount, 'ten');
    // A pointer press on the button moves the focus straight to it.
    fireEvent.blur(amount, { relatedTarget: screen.getByRole('button', { name: 'Submit proposal' }) });
    expect(screen.queryByText('Enter an amount of CLO, such as 1000 or 2.5')).toBeNull();
    // Left for anything else, it says what is wrong.
    fireEvent.blur(amount, { relatedTarget: screen.getByLabelText('Title') });
    expect(screen.getByText('Enter an amount of CLO, such as 1000 or 2.5')).toBeTruthy();
  });

  it('shows every message on submit and sends nothing', async () => {
    const { user, onSend } = setup();
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(screen.getByText('Title must be 1 to 120 bytes')).toBeTruthy();
    expect(screen.getByText('Payee must be an address (0x and 40 hex digits)')).toBeTruthy();
    expect(screen.getByText('Enter an amount of CLO, such as 1000 or 2.5')).toBeTruthy();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends submit_funding with the payee checksummed, the amount in wei and the deposit as value', async () => {
    const { user, onSend } = setup();
    await user.type(screen.getByLabelText('Title'), 'Docs sprint');
    await user.type(screen.getByLabelText('Payee address'), PAYEE);
    await user.type(screen.getByLabelText('Amount per epoch (CLO)'), '1234.5');
    await user.selectOptions(screen.getByLabelText('Epochs'), '2');
    expect(screen.getByTestId('funding-total').textContent).toBe('In all: 2,469 CLO');
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(onSend).toHaveBeenCalledWith({
      functionName: 'submit_funding',
      args: ['Docs sprint', 'https://example.org/p.md', HASH, getAddress(PAYEE), parseEther('1234.5'), 2],
      value: parseEther('500'),
    });
  });
});

describe('new proposal: parameter change', () => {
  it('states the rule next to the value and refuses a change beyond one step once the field is left', async () => {
    const { user, onSend } = setup();
    await user.click(screen.getByLabelText('Parameter change'));
    expect(screen.getByTestId('parameter-rule').textContent).toContain('this proposal may set 5% to 15%');
    const value = screen.getByLabelText('New quorum (%)');
    await user.type(value, '16');
    expect(screen.queryByText('Quorum may change by at most 500 bps at a time')).toBeNull();
    await user.click(screen.getByLabelText('Title'));
    expect(screen.getByText('Quorum may change by at most 500 bps at a time')).toBeTruthy();
    await user.clear(value);
    await user.type(value, '12.5');
    await user.type(screen.getByLabelText('Title'), 'Raise the quorum');
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(onSend).toHaveBeenCalledWith({
      functionName: 'submit_parameter_change',
      args: ['Raise the quorum', 'https://example.org/p.md', HASH, ProposalParam.Quorum, 1250n],
      value: parseEther('500'),
    });
  });
});

describe('new proposal: audit manager', () => {
  it('asks a contact only to appoint, and dismisses with none', async () => {
    const { user, onSend } = setup();
    await user.click(screen.getByLabelText('Audit manager'));
    expect(screen.getByLabelText('Manager contact')).toBeTruthy();
    await user.click(screen.getByLabelText('Dismiss'));
    expect(screen.queryByLabelText('Manager contact')).toBeNull();
    await user.type(screen.getByLabelText('Manager address'), NODE);
    await user.type(screen.getByLabelText('Title'), 'Dismiss a manager');
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(onSend).toHaveBeenCalledWith({
      functionName: 'submit_audit_manager_change',
      args: ['Dismiss a manager', 'https://example.org/p.md', HASH, getAddress(NODE), '', false],
      value: parseEther('500'),
    });
  });
});

describe('new proposal: host nodes', () => {
  it('warns before electing a node the file system has elected already', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('Elect an IPFS host node'));
    await user.type(screen.getByLabelText('Node address'), NODE);
    expect(screen.getByTestId('host-node-status').textContent).toContain('This node is elected already');
  });

  it('sends an election in the contract units, with the endpoint as typed', async () => {
    const { user, onSend } = setup([]);
    await user.click(screen.getByLabelText('Elect an IPFS host node'));
    await user.type(screen.getByLabelText('Title'), 'Elect node 3');
    await user.type(screen.getByLabelText('Node address'), NODE);
    expect(screen.getByTestId('host-node-status').textContent).toBe('Not elected now.');
    await user.type(screen.getByLabelText('Endpoint URL'), 'https://node-3.example.org:8443/');
    expect(screen.getByTestId('endpoint-host').textContent).toBe('node-3.example.org:8443');
    await user.type(screen.getByLabelText('Capacity (MB)'), '10240');
    await user.type(screen.getByLabelText('Salary per epoch (CLO)'), '250.5');
    await user.selectOptions(screen.getByLabelText('Salary epochs'), '6');
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(onSend).toHaveBeenCalledWith({
      functionName: 'submit_host_node_election',
      args: [
        'Elect node 3',
        'https://example.org/p.md',
        HASH,
        getAddress(NODE),
        'https://node-3.example.org:8443/',
        10_240n,
        parseEther('250.5'),
        6,
      ],
      value: parseEther('500'),
    });
  });

  it('shows a removal’s node as elected now, with its endpoint', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('Remove an IPFS host node'));
    await user.type(screen.getByLabelText('Node address'), NODE);
    const status = screen.getByTestId('host-node-status');
    expect(status.textContent).toContain('Elected now, with 2,048 MB.');
    expect(status.textContent).toContain('https://node-1.example.org');
  });
});
