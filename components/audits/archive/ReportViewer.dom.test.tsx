// A verified report as a reader sees it: the Markdown rendered with no raw HTML and no unsafe link, a PDF only in
// an iframe with an empty sandbox, and anything else offered for saving rather than shown.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reportContentOf } from '@/lib/audits/archive/reportContent';
import { ReportViewer } from './ReportViewer';

const encode = (text: string) => new TextEncoder().encode(text);

describe('ReportViewer', () => {
  it('renders a Markdown report with its headings and lists, and never its raw HTML or script links', async () => {
    const report = [
      '# Audit of Token',
      '',
      '- Critical: 0',
      '- High: 1',
      '',
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
      '',
      '[click](javascript:alert(1)) and [source](https://example.org/src)',
    ].join('\n');
    render(<ReportViewer content={reportContentOf(encode(report))} fileName="report.md" />);
    const text = await screen.findByTestId('proposal-description', undefined, { timeout: 20_000 });
    expect(await screen.findByText('Audit of Token')).toBeTruthy();
    expect(screen.getByText('High: 1')).toBeTruthy();
    expect(text.querySelector('script')).toBeNull();
    expect(text.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    // The javascript: link is text; the https: one a real link that names its host.
    expect(screen.getByText('click').closest('a')).toBeNull();
    expect(screen.getByText('source').closest('a')?.getAttribute('href')).toBe('https://example.org/src');
  });

  it('shows a PDF only in an iframe with an empty sandbox, from a blob URL, and offers it for saving', async () => {
    render(<ReportViewer content={reportContentOf(encode('%PDF-1.7\n1 0 obj\n'))} fileName="report.pdf" />);
    const frame = await screen.findByTitle('The report (PDF)');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    const save = screen.getByRole('link', { name: 'Save the verified report' });
    expect(save.getAttribute('download')).toBe('report.pdf');
  });

  it('does not render bytes that are neither text nor PDF, and offers them for saving', async () => {
    render(<ReportViewer content={reportContentOf(new Uint8Array([0xff, 0x00, 0xfe]))} fileName="report.bin" />);
    expect(await screen.findByText(/neither Markdown text nor a PDF/)).toBeTruthy();
    expect(screen.queryByTitle('The report (PDF)')).toBeNull();
    expect(screen.getByRole('link', { name: 'Save the verified report' })).toBeTruthy();
  });
});
