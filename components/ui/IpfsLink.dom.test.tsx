import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppProviders } from './AppProviders';
import { IpfsLink, IpfsLinkThrough } from './IpfsLink';

const CID = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
const URI = `ipfs://${CID}/reports/audit.md`;

describe('an ipfs:// address', () => {
  it('opens through the first host node whose endpoint may become a link, and says which', () => {
    // A plain-http node on the open internet may not carry the reader: the loopback one (the local stack's) may.
    render(<IpfsLinkThrough uri={URI} endpoints={['http://node.example.org', 'http://127.0.0.1:5101/']} />);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe(`http://127.0.0.1:5101/ipfs/${CID}/reports/audit.md`);
    expect(link.getAttribute('rel')).toBe('noreferrer noopener');
    expect(link.textContent).toBe(`${URI}(via host node 127.0.0.1:5101), opens in a new tab`);
  });

  it('stays text, with its copy button, where no node can open it', () => {
    render(<IpfsLinkThrough uri={URI} endpoints={['http://node.example.org']} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(URI)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy ipfs:// link' })).toBeTruthy();
  });

  it('copies the ipfs:// form and announces it', async () => {
    const user = userEvent.setup();
    render(<IpfsLinkThrough uri={URI} endpoints={[]} />);
    const status = within(screen.getByTestId('ipfs-link')).getByRole('status');
    expect(status.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Copy ipfs:// link' }));
    expect(await navigator.clipboard.readText()).toBe(URI);
    expect(status.textContent).toBe('Copied');
  });

  it('renders inside the app before the host nodes are read, as text with its copy button', () => {
    render(
      <AppProviders>
        <IpfsLink uri={URI} />
      </AppProviders>,
    );
    expect(screen.getByText(URI)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy ipfs:// link' })).toBeTruthy();
  });
});
