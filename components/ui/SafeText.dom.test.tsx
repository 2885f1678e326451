import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExternalLink } from './ExternalLink';
import { HIDDEN_WARNING, SafeText } from './SafeText';

function isolated(container: HTMLElement): HTMLElement {
  const bdi = container.querySelector<HTMLElement>('bdi[data-safe-text]');
  if (!bdi) throw new Error('no isolating element');
  return bdi;
}

describe('SafeText', () => {
  it('isolates the string and shows a right-to-left override as a badge, in the order it was written', () => {
    const { container } = render(
      <p>
        <SafeText text={'<img src=x onerror=alert(1)>\u202Egpj.exe'} kind="name" /> (after)
      </p>,
    );
    const bdi = isolated(container);
    expect(bdi.tagName).toBe('BDI');
    // The control character itself never reaches the page: only its escape does.
    expect(container.textContent).not.toContain('\u202E');
    expect(bdi.textContent).toBe('<img src=x onerror=alert(1)>\\u202E (right-to-left override)gpj.exe');
    expect(container.querySelector('[data-hidden-char]')?.getAttribute('data-hidden-char')).toBe('\\u202E');
    // The markup is text, not an element.
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('note').textContent).toContain(`This name ${HIDDEN_WARNING}`);
  });

  it('shows zero-width characters inside a platform name', () => {
    const { container } = render(<SafeText text={'Ether\u200Beum'} kind="name" />);
    expect(container.querySelector('[data-hidden-char]')?.textContent).toContain('\\u200B');
    expect(screen.getByRole('note')).toBeTruthy();
  });

  it('says nothing about plain text, and warns only for names, paths and URLs', () => {
    render(<SafeText text="invoice.pdf" kind="path" />);
    expect(screen.queryByRole('note')).toBeNull();
    render(<SafeText text={'reason\u200B'} />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('keeps line breaks as layout in multi-line text', () => {
    const { container } = render(<SafeText text={'first\nsecond'} multiline />);
    expect(isolated(container).textContent).toBe('first\nsecond');
    expect(container.querySelector('[data-hidden-char]')).toBeNull();
  });

  it('cuts a 100,021-character string and shows the rest on request', () => {
    const long = 'a'.repeat(100_021);
    const { container } = render(<SafeText text={long} maxChars={256} />);
    expect(isolated(container).textContent).toBe(`${'a'.repeat(256)}…`);
    fireEvent.click(screen.getByRole('button', { name: 'show all (99,765 more characters)' }));
    expect(isolated(container).textContent).toBe(long);
    expect(isolated(container).className).toContain('[overflow-wrap:anywhere]');
  });
});

describe('ExternalLink', () => {
  it('shows the real host of an https link and opens it without opener or referrer', () => {
    render(<ExternalLink href="https://docs.example.org/spec" />);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('https://docs.example.org/spec');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.querySelector('[data-link-host]')?.textContent).toBe('(host: docs.example.org)');
  });

  it('refuses a userinfo link and names the host it would open', () => {
    render(<ExternalLink href="https://paypal.com@evil.example/" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/it would go to evil\.example\./);
  });

  it('writes a homoglyph host in punycode with a note, even where the host was not asked for', () => {
    render(<ExternalLink href="https://раypal.com/login" showHost={false} />);
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://xn--ypal-43d9g.com/login');
    expect(screen.getByRole('link').querySelector('[data-link-host]')?.textContent).toBe('(host: xn--ypal-43d9g.com)');
    expect(screen.getByRole('note').textContent).toMatch(/mixes Latin and Cyrillic letters.*xn--ypal-43d9g\.com/);
  });

  it('leaves javascript:, data: and http: links as text', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.org/']) {
      const { unmount, container } = render(<ExternalLink href={href} />);
      expect(screen.queryByRole('link'), href).toBeNull();
      expect(container.textContent).toContain(href);
      unmount();
    }
  });

  it('badges a hidden character in a link text and cuts a long link, which still opens in full', () => {
    const long = `https://example.org/${'x'.repeat(20_000)}`;
    const { container, unmount } = render(<ExternalLink href={long} />);
    expect(screen.getByRole('link').getAttribute('href')).toBe(long);
    expect(isolated(container).textContent?.length).toBeLessThan(300);
    unmount();
    render(<ExternalLink href={'https://example.org/invoice\u202Efdp.exe'} />);
    expect(screen.getByRole('note').textContent).toContain(`This link ${HIDDEN_WARNING}`);
  });
});
