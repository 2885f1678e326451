// The manager's actions as a manager sees them, inside the app's real providers on the local chain. No wallet is
// connected and nothing reaches the chain: these are the paths that refuse or send nothing.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { requestActions } from '@/lib/audits/actions';
import { linkCommitment } from '@/lib/audits/commitments';
import { RequestState } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { AppProviders } from '@/components/ui/AppProviders';
import { ManagerActions } from './ManagerActions';

const REGISTRY = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const MANAGER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const AUDITOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const LINK = 'https://gist.github.com/auditor/report';

function request(state: number): AuditRequest {
  return {
    id: 7n,
    contract_address: '0xcA11bde05977b3631167028862bE2a173976CA11',
    chain_id: 31337n,
    requester: MANAGER,
    source_url: 'https://example.org/source.sol',
    description: 'A token',
    platform: 'Solidity',
    state,
    reject_reason: '',
    passed: false,
    severity: { critical: 0, high: 0, medium: 0, low: 0, owner_privileges: 0 },
    submitted_at: 1n,
    approved_at: 0n,
    started_at: 0n,
    closed_at: 0n,
    report_count: 1n,
  };
}

const signedReport: AuditReport = {
  auditor: AUDITOR,
  commitment: linkCommitment(LINK),
  signed: true,
  revealed: false,
  late: false,
  errors: 1n,
  karma: 0n,
  link: '',
  committed_at: 1n,
  envelope_cid: '',
};

function renderActions(state: number, reports: readonly AuditReport[], account?: typeof MANAGER) {
  const actions = requestActions({ state, reports, account, isManager: account !== undefined, isAuditor: false });
  render(
    <AppProviders>
      <ManagerActions
        registry={REGISTRY}
        request={request(state)}
        reports={reports}
        actions={actions}
        complexity={4096n}
        karmaParams={{ karmaPerKb: 10n, errorPenalty: 5n }}
      />
    </AppProviders>,
  );
}

/** The action's button and the text its aria-describedby points at. */
function buttonWithReason(section: string, name: string) {
  const button = within(screen.getByTestId(section)).getByRole<HTMLButtonElement>('button', { name });
  const describedBy = button.getAttribute('aria-describedby');
  return { button, reason: describedBy ? document.getElementById(describedBy)?.textContent : undefined };
}

describe('ManagerActions', () => {
  it('shows a visitor every action disabled, each with the role it takes beside its button', () => {
    renderActions(RequestState.Pending, []);
    for (const [section, name] of [
      ['action-approve', 'Approve'],
      ['action-start', 'Mark in progress'],
      ['action-reject', 'Reject'],
      ['action-sign', 'Sign report'],
      ['action-reveal', 'Reveal report'],
      ['action-complete', 'Complete audit'],
    ] as const) {
      const { button, reason } = buttonWithReason(section, name);
      expect(button.disabled, name).toBe(true);
      expect(reason, name).toBe('Connect a manager’s wallet');
    }
  });

  it('tells a manager why each action is closed in the request’s state', () => {
    renderActions(RequestState.Pending, [], MANAGER);
    expect(buttonWithReason('action-approve', 'Approve')).toMatchObject({
      button: { disabled: false },
      reason: undefined,
    });
    expect(buttonWithReason('action-start', 'Mark in progress').reason).toBe(
      'The request is pending: only an approved request can be started',
    );
    expect(buttonWithReason('action-complete', 'Complete audit').reason).toBe(
      'The request is pending: only a request in progress can be completed',
    );
  });

  it('refuses to reveal a link that does not hash to the commitment, and sends nothing', async () => {
    const user = userEvent.setup();
    renderActions(RequestState.InProgress, [signedReport], MANAGER);
    const reveal = within(screen.getByTestId('action-reveal'));
    expect(reveal.getByTestId('karma-preview').textContent).toBe('Karma at reveal: 35 (1 error missed)');
    await user.type(reveal.getByLabelText('Report link'), `${LINK}/other`);
    expect(reveal.getByTestId('reveal-match').textContent).toBe('The link does not match the commitment yet.');
    await user.click(reveal.getByRole('button', { name: 'Reveal report' }));
    expect(reveal.getByText(/This link does not match the auditor’s commitment/)).toBeTruthy();
    expect(reveal.getByRole('alert').textContent).toBe('Nothing was sent: correct the fields marked above');
    // Nothing went to the wallet: the transaction status says nothing.
    expect(reveal.getByRole('status').textContent).toBe('');

    await user.clear(reveal.getByLabelText('Report link'));
    await user.type(reveal.getByLabelText('Report link'), LINK);
    expect(reveal.getByTestId('reveal-match').textContent).toBe('The link matches the commitment.');
    expect(reveal.queryByText(/This link does not match the auditor’s commitment/)).toBeNull();
  });

  it('checks the errors a signed report missed before sending', async () => {
    const user = userEvent.setup();
    renderActions(RequestState.InProgress, [{ ...signedReport, signed: false }], MANAGER);
    const sign = within(screen.getByTestId('action-sign'));
    expect((sign.getByLabelText('Report to sign') as HTMLSelectElement).value).toBe(AUDITOR);
    const errors = sign.getByLabelText('Errors missed');
    await user.clear(errors);
    await user.type(errors, '1001');
    await user.click(sign.getByRole('button', { name: 'Sign report' }));
    expect(sign.getByText('Errors must be 0 to 1000')).toBeTruthy();
    expect(errors.getAttribute('aria-invalid')).toBe('true');
    expect(sign.getByRole('status').textContent).toBe('');
  });

  it('asks for the verdict before completing', async () => {
    const user = userEvent.setup();
    renderActions(RequestState.InProgress, [{ ...signedReport, revealed: true }], MANAGER);
    const complete = within(screen.getByTestId('action-complete'));
    await user.click(complete.getByRole('button', { name: 'Complete audit' }));
    expect(complete.getByText('Choose the verdict')).toBeTruthy();
    await user.click(complete.getByRole('radio', { name: 'Passed' }));
    expect(complete.queryByText('Choose the verdict')).toBeNull();
  });
});
