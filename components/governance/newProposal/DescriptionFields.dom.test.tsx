// The description card as an author meets it, wired as NewProposalForm wires it, without a chain: stored on the
// file system, the ipfs:// address and the hash shown come from the very bytes typed (so they can never disagree);
// published at a URL, the form's fetch of it refuses a text that does not match or that it cannot fetch.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { keccak256, parseEther, toBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { computeCid } from '@callisto-hub/unixfs';
import type { DescriptionResult } from '@/lib/governance/description';
import { externalDescriptionProblem, withDescriptionChecks } from '@/lib/governance/descriptionStorage';
import { EMPTY_NEW_PROPOSAL, validateNewProposal, type NewProposalForm } from '@/lib/governance/newProposal';
import { DescriptionFields } from './DescriptionFields';
import { useStoredDescription } from './useDescriptionStorage';
import { useShownErrors } from './useShownErrors';

const FACTS = {
  deposit: parseEther('500'),
  balance: parseEther('1000'),
  hasAuditRegistry: true,
  hasFileSystem: true,
  currentParameters: {},
};

function Harness({ check }: { check?: DescriptionResult }) {
  const [form, setForm] = useState<NewProposalForm>(EMPTY_NEW_PROPOSAL);
  const onFileSystem = form.descriptionStorage === 'file-system';
  const stored = useStoredDescription(form.descriptionText, onFileSystem);
  const current = onFileSystem && !stored.isPlaceholderData ? stored.data : undefined;
  const result = validateNewProposal(
    onFileSystem ? { ...form, descriptionMode: 'text', descriptionUrl: current?.url ?? '' } : form,
    FACTS,
  );
  const errors = useShownErrors(
    withDescriptionChecks(result.errors, {
      onFileSystem,
      urlProblem: !onFileSystem && check ? externalDescriptionProblem(check) : undefined,
    }),
  );
  return (
    <>
      <DescriptionFields
        value={form}
        onChange={(change) => setForm((f) => ({ ...f, ...change }))}
        errors={errors}
        hash={result.hash}
        hasFileSystem
        stored={{ description: stored.data, computing: stored.isFetching, deposit: parseEther('0.25') }}
        check={{ result: check, checking: false }}
      />
      <button type="button" data-submit onClick={errors.markSubmitted}>
        Submit proposal
      </button>
    </>
  );
}

function renderHarness(check?: DescriptionResult) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <Harness check={check} />
    </QueryClientProvider>,
  );
}

describe('DescriptionFields', () => {
  it('stores on the file system by default: the address and the hash come from the same bytes', async () => {
    const user = userEvent.setup();
    renderHarness();
    const text = '# Bridge audit\n\nPay Ünïcode Audits 5 000 CLO.';
    await user.type(screen.getByLabelText('Description text (Markdown)'), text);
    const bytes = toBytes(text);
    const { cid } = await computeCid([
      {
        path: 'any-name.md',
        content: (async function* () {
          yield bytes;
        })(),
      },
    ]);
    await waitFor(() => expect(screen.getByTestId('description-ipfs-url').textContent).toBe(`ipfs://${cid}`), {
      timeout: 10_000,
    });
    expect(screen.getByTestId('description-hash-preview').textContent).toBe(keccak256(bytes));
    expect(screen.getByTestId('description-deposit').textContent).toBe('0.25 CLO');
    // The form fills the address itself: no URL field to get wrong, and no message about one on submit.
    expect(screen.queryByLabelText('Description URL')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(screen.queryByText(/Description URL/)).toBeNull();
  });

  it('refuses a URL whose fetched text does not match the hash, and says why next to the field', async () => {
    const user = userEvent.setup();
    renderHarness({ state: 'mismatch', text: 'other', actualHash: keccak256(toBytes('other')) });
    await user.click(screen.getByLabelText('It is already published at a URL'));
    await user.type(screen.getByLabelText('Description URL'), 'https://example.org/p.md');
    await user.type(screen.getByLabelText('Description text (Markdown)'), 'the text I mean');
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(screen.getByText(/does not match the hash: its Keccak-256 is 0x/)).toBeTruthy();
  });

  it('says so when the URL cannot be fetched (unreachable or not readable by other sites)', async () => {
    const user = userEvent.setup();
    renderHarness({ state: 'unavailable', reason: 'the address did not answer' });
    await user.click(screen.getByLabelText('It is already published at a URL'));
    await user.type(screen.getByLabelText('Description URL'), 'https://example.org/p.md');
    await user.type(screen.getByLabelText('Description text (Markdown)'), 'text');
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    expect(screen.getByText(/could not fetch the URL \(the address did not answer\).*CORS/)).toBeTruthy();
  });
});
