// The one chart draws both of the app's charts: the staking reward estimate (a step line over rounds) and the
// file system's price curve (a line over used capacity that leaves the plot at the top, with "now" marked).
import { render, screen } from '@testing-library/react';
import { parseEther } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCloWithUnit } from '@/lib/format/clo';
import { MB } from '@/lib/files/pricing';
import { priceCurve } from '@/lib/files/priceCurve';
import { LineChart } from './LineChart';

/** The y coordinates a path's commands move to ("M76,252H110V200L..."). */
function pathYs(d: string): number[] {
  const ys: number[] = [];
  for (const [, command, args] of d.matchAll(/([MLHV])([^MLHV]+)/g)) {
    const numbers = args!.split(',').map(Number);
    if (command === 'V') ys.push(numbers[0]!);
    else if (command !== 'H') ys.push(numbers[1]!);
  }
  return ys;
}

const axisTexts = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent);

describe('LineChart', () => {
  it('draws the reward estimate as steps over whole rounds, with round axis ticks and a table', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ x: i + 1, y: parseEther('10') * BigInt(i + 1) }));
    render(
      <LineChart
        caption="Estimate: cumulative reward, 12 round(s)"
        summary="Estimate of the cumulative reward: 120 CLO after round 12."
        points={points}
        shape="steps"
        xAxis={{ label: 'Round', integer: true }}
        yAxis={{ label: 'CLO' }}
        table={{
          caption: 'Estimated cumulative reward by round',
          columns: ['Round', 'Cumulative reward'],
          rows: points.map((p) => ({ key: String(p.x), cells: [p.x, formatCloWithUnit(p.y)] })),
        }}
        emptyMessage="No estimate to show yet."
      />,
    );
    const svg = screen.getByRole('img', { name: 'Estimate of the cumulative reward: 120 CLO after round 12.' });
    const texts = axisTexts(svg);
    // Value ticks at round numbers covering the largest value; round ticks every second round.
    for (const tick of ['0', '50', '100', '150', '2', '4', '6', '8', '10', '12', 'Round', 'CLO']) {
      expect(texts).toContain(tick);
    }
    expect(texts).not.toContain('1.5');
    const d = svg.querySelector('path')!.getAttribute('d')!;
    expect(d).toMatch(/^M[\d.]+,[\d.]+(H[\d.]+V[\d.]+){11}$/);
    expect(svg.querySelectorAll('circle')).toHaveLength(12);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(13);
    expect(rows[12]!.textContent).toBe('12120 CLO');
  });

  it('draws the price curve as a line that leaves the plot at the top, with the limit and now marked', () => {
    const capacity = 2048n * MB;
    const curve = priceCurve({
      capacity_bytes: capacity,
      unit_price: parseEther('10'),
      floor_price: parseEther('0.01'),
    });
    const ninety = curve.find((p) => p.usedBytes === (capacity * 9n) / 10n)!;
    const toPercent = (used: bigint) => Number((used * 10_000n) / capacity) / 100;
    render(
      <LineChart
        caption="Price per MB against used capacity"
        summary="Price per MB against used capacity; now 99% is used and there is no price."
        points={curve.map((p) => ({ x: toPercent(p.usedBytes), y: p.pricePerMb }))}
        xAxis={{ label: 'Used capacity', domain: [0, 100], ticks: [0, 25, 50, 75, 100], format: (t) => `${t}%` }}
        yAxis={{ label: 'CLO per MB', top: ninety.pricePerMb }}
        markers={[
          { x: 100, label: 'no price at full', tone: 'limit' },
          { x: 99, label: 'now', tone: 'current' },
        ]}
        table={{ caption: 'Price per MB', columns: ['Used capacity', 'Price per MB'], rows: [] }}
        emptyMessage="No host node is elected."
        testId="price-chart"
      />,
    );
    const figure = screen.getByTestId('price-chart');
    const svg = screen.getByRole('img');
    const texts = axisTexts(svg);
    for (const label of ['0%', '25%', '50%', '75%', '100%', 'Used capacity', 'CLO per MB', 'no price at full', 'now']) {
      expect(texts).toContain(label);
    }
    const d = svg.querySelector('path')!.getAttribute('d')!;
    expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    // The plot is 212 units tall from y=20: the points past 90% are drawn at most 5% above its top, not off the
    // picture, and the first point (empty, the floor price) sits near the bottom.
    const ys = pathYs(d);
    expect(Math.min(...ys)).toBeCloseTo(20 - 0.05 * 212, 1);
    expect(ys[0]).toBeGreaterThan(200);
    // With no price now, the "now" point sits at the top of the plot.
    const nowDot = [...svg.querySelectorAll('circle')].at(-1)!;
    expect(nowDot.getAttribute('cy')).toBe('20');
    expect(figure.querySelector('figcaption')?.textContent).toBe('Price per MB against used capacity');
  });

  describe('on a phone', () => {
    afterEach(() => vi.restoreAllMocks());

    it('draws at the width of its box, with 13 px axis text and fewer round ticks', () => {
      // happy-dom lays nothing out: the box reports the width a 390 px phone gives a card's content (the one
      // stand-in here; e2e/phone.spec.ts measures the rendered text in Chromium).
      vi.spyOn(HTMLDivElement.prototype, 'getBoundingClientRect').mockReturnValue(
        DOMRect.fromRect({ x: 0, y: 0, width: 318, height: 0 }),
      );
      const points = Array.from({ length: 13 }, (_, i) => ({ x: i, y: parseEther('10') * BigInt(i) }));
      render(
        <LineChart
          caption="c"
          summary="Reward by round"
          points={points}
          shape="steps"
          xAxis={{ label: 'Round', integer: true }}
          yAxis={{ label: 'CLO' }}
          table={{ caption: 't', columns: ['Round', 'Reward'], rows: [] }}
          emptyMessage="none"
        />,
      );
      const svg = screen.getByRole('img', { name: 'Reward by round' });
      // One viewBox unit is one CSS pixel: the text's 13 units are 13 px on the phone.
      expect(svg.getAttribute('viewBox')).toBe('0 0 318 240');
      expect(svg.style.fontSize).toBe('13px');
      for (const text of svg.querySelectorAll('text')) expect(text.getAttribute('class') ?? '').not.toMatch(/text-\[/);
      const texts = axisTexts(svg);
      for (const tick of ['0', '5', '10']) expect(texts).toContain(tick);
      expect(texts).not.toContain('2');
      // The last tick (round 10) sits inside the plot, which ends 20 px before the right edge.
      const xs = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent === '10')
        .map((t) => Number(t.getAttribute('x')));
      expect(Math.max(...xs)).toBeLessThanOrEqual(318 - 20);
    });
  });

  it('says so instead of drawing an empty chart', () => {
    render(
      <LineChart
        caption="c"
        summary="s"
        points={[]}
        xAxis={{ label: 'x' }}
        yAxis={{ label: 'y' }}
        table={{ caption: 't', columns: ['a', 'b'], rows: [] }}
        emptyMessage="No estimate to show yet."
      />,
    );
    expect(screen.getByText('No estimate to show yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
