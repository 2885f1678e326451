// A finished request as anyone sees it: what happened (verdict, findings, reason, dates), not the forms that can no
// longer do anything.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestActions } from '@/lib/audits/actions';
import { linkCommitment } from '@/lib/audits/commitments';
import { RequestState } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { formatDateTime } from '@/lib/format/time';
import { AppProviders } from '@/components/ui/AppProviders';
import { ManagerActions } from './actions/ManagerActions';
import { RequestOutcome } from './RequestOutcome';
import { RequestTimeline } from './RequestSummary';

const REGISTRY = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const MANAGER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const AUDITOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const SUBMITTED = 1_800_000_000n;
const APPROVED = SUBMITTED + 3_600n;
const CLOSED = SUBMITTED + 86_400n;

function request(state: number, overrides: Partial<AuditRequest> = {}): AuditRequest {
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
    submitted_at: SUBMITTED,
    approved_at: 0n,
    started_at: 0n,
    closed_at: 0n,
    report_count: 1n,
    ...overrides,
  };
}

function report(link: string, revealed: boolean): AuditReport {
  return {
    auditor: AUDITOR,
    commitment: linkCommitment(link),
    signed: true,
    revealed,
    late: false,
    errors: 0n,
    karma: revealed ? 10n : 0n,
    link: revealed ? link : '',
    envelope_cid: '',
    committed_at: SUBMITTED,
  };
}

const rejected = request(RequestState.Rejected, {
  approved_at: APPROVED,
  closed_at: CLOSED,
  reject_reason: 'The source is not published',
});
const completed = request(RequestState.Completed, {
  approved_at: APPROVED,
  started_at: APPROVED + 60n,
  closed_at: CLOSED,
  passed: true,
  severity: { critical: 0, high: 1, medium: 2, low: 3, owner_privileges: 1 },
});

function renderManagerActions(q: AuditRequest, reports: readonly AuditReport[]) {
  const actions = requestActions({ state: q.state, reports, account: MANAGER, isManager: true, isAuditor: false });
  render(
    <AppProviders>
      <ManagerActions
        registry={REGISTRY}
        request={q}
        reports={reports}
        actions={actions}
        complexity={4096n}
        karmaParams={{ karmaPerKb: 10n, errorPenalty: 5n }}
      />
    </AppProviders>,
  );
}

describe('a finished request', () => {
  it('rejected: the timeline stops at the rejection, with its date and reason', () => {
    render(<RequestTimeline request={request(RequestState.Rejected, { closed_at: CLOSED, reject_reason: 'Spam' })} />);
    const timeline = screen.getByTestId('request-timeline');
    expect(timeline.textContent).not.toContain('not yet');
    expect(timeline.textContent).not.toContain('Approved');
    expect(timeline.textContent).toContain(`Rejected on ${formatDateTime(CLOSED)}: Spam`);
  });

  it('rejected after approval: the approval stays on the timeline, dated', () => {
    render(<RequestTimeline request={rejected} />);
    const steps = within(screen.getByTestId('request-timeline')).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      `Submitted on ${formatDateTime(SUBMITTED)}`,
      `Approved on ${formatDateTime(APPROVED)}`,
      `Rejected on ${formatDateTime(CLOSED)}: The source is not published`,
    ]);
  });

  it('rejected: shows the outcome and no manager form at all', () => {
    render(<RequestOutcome request={rejected} reports={[report('https://gist.github.com/a/1', false)]} />);
    const outcome = screen.getByTestId('request-outcome');
    expect(outcome.textContent).toContain(`Rejected on ${formatDateTime(CLOSED)}`);
    expect(outcome.textContent).toContain('The source is not published');
    renderManagerActions(rejected, [report('https://gist.github.com/a/1', false)]);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('Manager actions')).toBeNull();
  });

  it('completed: shows the verdict, each severity’s count and the date', () => {
    render(<RequestOutcome request={completed} reports={[report('https://gist.github.com/a/1', true)]} />);
    const outcome = within(screen.getByTestId('request-outcome'));
    expect(outcome.getByTestId('audit-verdict').textContent).toBe('Passed');
    expect(screen.getByTestId('request-outcome').textContent).toContain(`completed on ${formatDateTime(CLOSED)}`);
    const findings = outcome.getByLabelText('Findings: 1 high, 2 medium, 3 low, 1 owner privilege');
    const counts = within(findings)
      .getAllByRole('term')
      .map((term) => `${term.textContent} ${term.nextElementSibling?.textContent}`);
    expect(counts).toEqual(['Critical 0', 'High 1', 'Medium 2', 'Low 3', 'Owner privileges 1']);
  });

  it('completed with every report revealed: no manager form', () => {
    renderManagerActions(completed, [report('https://gist.github.com/a/1', true)]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('completed with a signed report still hidden: only the reveal remains', () => {
    renderManagerActions(completed, [report('https://gist.github.com/a/1', false)]);
    expect(screen.getByTestId('action-reveal')).toBeTruthy();
    for (const gone of ['action-approve', 'action-start', 'action-reject', 'action-sign', 'action-complete']) {
      expect(screen.queryByTestId(gone), gone).toBeNull();
    }
  });
});
