import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { linkCommitment } from '@/lib/audits/commitments';
import type { AuditReport } from '@/lib/audits/types';
import { ReportPicker } from './ReportPicker';

const ALICE = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const NAMELESS = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as const;

const reportBy = (auditor: `0x${string}`): AuditReport => ({
  auditor,
  commitment: linkCommitment(`https://gist.github.com/${auditor}`),
  signed: false,
  revealed: false,
  late: false,
  errors: 0n,
  karma: 0n,
  link: '',
  envelope_cid: '',
  committed_at: 1n,
});

function Picker() {
  const reports = [reportBy(ALICE), reportBy(NAMELESS)];
  const [auditor, setAuditor] = useState('');
  return (
    <ReportPicker
      id="pick"
      label="Report to sign"
      reports={reports}
      chosen={reports.find((r) => r.auditor === auditor) ?? reports[0]}
      onChoose={setAuditor}
      // The registry's members list addresses as checksummed; the map is keyed lower-case.
      contacts={new Map([[ALICE.toLowerCase(), 'alice@example.org']])}
      none="No unsigned report"
    />
  );
}

describe('the report picker', () => {
  it('names auditors by contact and short address, with the chosen one’s full address beside it', async () => {
    const user = userEvent.setup();
    render(<Picker />);
    const select = screen.getByLabelText<HTMLSelectElement>('Report to sign');
    const options = [...select.options];
    expect(options.map((o) => o.textContent)).toEqual(['alice@example.org (0x3C44…93BC)', '0x90F7…b906']);
    expect(options.map((o) => o.title)).toEqual([ALICE, NAMELESS]);
    // The full address is the picker's description, so a screen reader hears it too.
    const described = () => document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(described()).toBe(`Auditor’s address: ${ALICE}`);
    await user.selectOptions(select, NAMELESS);
    expect(select.value).toBe(NAMELESS);
    expect(described()).toBe(`Auditor’s address: ${NAMELESS}`);
  });
});
