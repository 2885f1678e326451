// The auditor's commit form as an auditor sees it, inside the app's real providers on the local chain, with no
// wallet: the paths that refuse and send nothing.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { allowed, refused } from '@/lib/tx/actionState';
import { AppProviders } from '@/components/ui/AppProviders';
import { CommitReportForm } from './CommitReportForm';

const REGISTRY = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;

/** The form in its link mode (the private delivery is the default; delivery/*.dom.test.tsx test that one). */
async function renderForm(action: ReturnType<typeof allowed>) {
  const user = userEvent.setup();
  render(
    <AppProviders>
      <CommitReportForm registry={REGISTRY} requestId={3n} myReport={undefined} action={action} />
    </AppProviders>,
  );
  await user.click(screen.getByRole('radio', { name: 'Commit a link' }));
  return user;
}

describe('CommitReportForm', () => {
  it('shows the Keccak-256 of the link as it is typed (only the hash goes on chain)', async () => {
    const user = await renderForm(allowed());
    expect(screen.getByTestId('report-hash').textContent).toBe('—');
    await user.type(screen.getByLabelText('Private report link'), 'abc');
    // Keccak-256("abc"), a published test vector.
    expect(screen.getByTestId('report-hash').textContent).toBe(
      '0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
    );
  });

  it('refuses a link the registry would not show, next to the field, and sends nothing', async () => {
    const user = await renderForm(allowed());
    const field = screen.getByLabelText('Private report link');
    await user.type(field, 'http://gist.example/report');
    await user.click(screen.getByRole('button', { name: 'Commit report hash' }));
    expect(screen.getByText('The link must start with https:// or ipfs://')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Nothing was sent: correct the fields marked above');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('offers the private delivery first, and the link as the other way', () => {
    render(
      <AppProviders>
        <CommitReportForm registry={REGISTRY} requestId={3n} myReport={undefined} action={allowed()} />
      </AppProviders>,
    );
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Deliver privately on the file system' }).checked).toBe(
      true,
    );
    expect(screen.getByRole('group', { name: 'Deliver the report privately' })).toBeTruthy();
    expect(screen.queryByLabelText('Private report link')).toBeNull();
  });

  it('says why an account cannot commit, beside the disabled button', async () => {
    await renderForm(refused('Only an auditor may do this'));
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Commit report hash' });
    expect(button.disabled).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Only an auditor may do this',
    );
  });
});
