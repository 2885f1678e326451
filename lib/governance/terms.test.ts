import { describe, expect, it } from 'vitest';
import { ProposalKind, ProposalStatus } from './proposal';
import { describeAuditManagerChange, executionLabel, kindLabel } from './terms';
import { CAROL, proposal } from './testProposal';

describe('audit manager proposals', () => {
  it('labels the kinds', () => {
    expect(kindLabel(ProposalKind.AppointAuditManager)).toBe('Appoint audit manager');
    expect(kindLabel(ProposalKind.DismissAuditManager)).toBe('Dismiss audit manager');
    expect(kindLabel(ProposalKind.Funding)).toBe('Funding');
    expect(kindLabel(ProposalKind.SetParameter)).toBe('Parameter change');
  });

  it('describes the change', () => {
    const appoint = proposal({ kind: ProposalKind.AppointAuditManager, subject: CAROL, contact: 'audits@example.org' });
    expect(describeAuditManagerChange(appoint)).toBe(`Appoint ${CAROL} (contact: audits@example.org)`);
    expect(describeAuditManagerChange({ ...appoint, kind: ProposalKind.DismissAuditManager, contact: '' })).toBe(
      `Dismiss ${CAROL}`,
    );
  });

  it('says whether an accepted change took effect', () => {
    const appoint = proposal({ kind: ProposalKind.AppointAuditManager, subject: CAROL, contact: 'me' });
    expect(executionLabel(appoint)).toBeUndefined();
    expect(executionLabel({ ...appoint, status: ProposalStatus.Accepted, executed: true })).toBe('Took effect');
    expect(executionLabel({ ...appoint, status: ProposalStatus.Accepted, executed: false })).toBe(
      'Accepted, but the registry refused it',
    );
    expect(executionLabel({ ...appoint, status: ProposalStatus.Rejected })).toBeUndefined();
    const dismiss = proposal({
      kind: ProposalKind.DismissAuditManager,
      status: ProposalStatus.Accepted,
      executed: true,
    });
    expect(executionLabel(dismiss)).toBe('Took effect');
    // Funding and parameter changes have their own ways of showing progress.
    expect(executionLabel(proposal({ status: ProposalStatus.Accepted }))).toBeUndefined();
  });
});
