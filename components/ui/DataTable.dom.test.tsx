import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable, MAX_CARD_COLUMNS, dataTableStyle } from './DataTable';

const columns = [
  { label: 'Path' },
  { label: 'Size', align: 'right' as const },
  { label: 'Actions', hiddenLabel: true },
];

function renderTable() {
  return render(
    <DataTable caption="My files, newest first" columns={columns} minWidth="60rem">
      <tr>
        <td>notes.md</td>
        <td>12 KB</td>
        <td>
          <button type="button">Withdraw</button>
        </td>
      </tr>
    </DataTable>,
  );
}

/** happy-dom lays nothing out: a box's widths are what the test says, as a browser would measure them. */
function layOutSideways(scrollWidth: number, clientWidth: number) {
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => clientWidth });
}

afterEach(() => {
  layOutSideways(0, 0);
});

describe('DataTable', () => {
  it('is a table named by its caption, with header cells scoped to their columns and a hidden label read only', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'My files, newest first' });
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Path', 'Size', 'Actions']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(screen.getByText('Actions').className).toContain('sr-only');
    expect(table.className).toContain('data-table');
  });

  it('gives the phone layout each column its label, empty for a hidden one, and the minimum width', () => {
    renderTable();
    const style = screen.getByRole('table').style;
    expect(style.getPropertyValue('--data-table-col-1')).toBe('"Path"');
    expect(style.getPropertyValue('--data-table-col-2')).toBe('"Size"');
    expect(style.getPropertyValue('--data-table-col-3')).toBe('""');
    expect(style.getPropertyValue('--data-table-min-width')).toBe('60rem');
  });

  it('writes a label with quotes or a backslash as a valid CSS string', () => {
    expect(dataTableStyle([{ label: 'Say "hi" \\ bye' }], '1rem')['--data-table-col-1']).toBe(
      '"Say \\"hi\\" \\\\ bye"',
    );
  });

  it('refuses more columns than the phone layout has labels for', () => {
    const many = Array.from({ length: MAX_CARD_COLUMNS + 1 }, (_, i) => ({ label: `Column ${i}` }));
    expect(() => dataTableStyle(many, '1rem')).toThrow(/at most 10 columns/);
  });

  it('is no region and no tab stop while it fits', () => {
    layOutSideways(500, 500);
    renderTable();
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByRole('table').parentElement?.getAttribute('tabindex')).toBeNull();
    expect(screen.queryByTestId('data-table-scroll-cue')).toBeNull();
  });

  it('becomes a named, focusable region with a visible cue when it scrolls sideways', () => {
    layOutSideways(960, 600);
    renderTable();
    const region = screen.getByRole('region', { name: 'My files, newest first' });
    expect(region.getAttribute('tabindex')).toBe('0');
    // Positioned, so screen-reader-only text inside the table is clipped by the region instead of widening the page.
    expect(region.className).toContain('relative');
    expect(region.className).toContain('overflow-x-auto');
    expect(screen.getByTestId('data-table-scroll-cue').textContent).toMatch(/scroll the table sideways/i);
  });
});
