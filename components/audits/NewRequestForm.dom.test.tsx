// The request form as a visitor meets it: the static page's HTML is on screen (and can be typed into) before React
// has hydrated it. What was typed then must survive hydration and every render after it, and reach the submit.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '@/components/ui/AppProviders';
import { NewRequestPage } from './NewRequestForm';

const TARGET = '0xcA11bde05977b3631167028862bE2a173976CA11';
const page = (
  <AppProviders>
    <NewRequestPage />
  </AppProviders>
);

let root: Root | undefined;
let container: HTMLElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

/** The page as the static export serves it: server-rendered HTML, no React behind it yet. */
function serveStaticPage(): HTMLElement {
  container = document.createElement('div');
  container.innerHTML = renderToString(page);
  document.body.append(container);
  return container;
}

/** Types as a person does into a plain element: React is not listening yet. */
function typeBeforeHydration(element: HTMLInputElement | HTMLTextAreaElement, text: string) {
  element.focus();
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the audit request form before and after hydration', () => {
  it('keeps an address typed before the page hydrated, through later renders and into the submit', async () => {
    const html = serveStaticPage();
    const address = screen.getByLabelText<HTMLInputElement>('Contract address');
    const description = screen.getByLabelText<HTMLTextAreaElement>('Description');
    typeBeforeHydration(address, TARGET);
    typeBeforeHydration(description, 'Typed while the page loaded');

    await act(async () => {
      root = hydrateRoot(html, page);
    });
    // Another field typed after hydration re-renders the form, as the wallet reconnecting or a read arriving
    // does: the controlled inputs are written from state then.
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Source URL'), 'https://example.org/token.sol');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Source URL').value).toContain('token.sol'));
    expect(screen.getByLabelText<HTMLInputElement>('Contract address').value).toBe(TARGET);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Typed while the page loaded');
    // The byte count follows the state, so it proves the state holds the text, not only the element.
    expect(screen.getByText(/^27 of 500 bytes/)).toBeTruthy();

    // Submitting checks the state: the address typed early is in it, so only the wallet is missing.
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(screen.queryByText('Nothing was sent: correct the fields marked above.')).toBeNull();
  });

  it('does not invent a value where nothing was typed', async () => {
    const html = serveStaticPage();
    await act(async () => {
      root = hydrateRoot(html, page);
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Source URL'), 'https://example.org/token.sol');
    expect(screen.getByLabelText<HTMLInputElement>('Contract address').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Chain id').value).toBe('31337');
  });
});
