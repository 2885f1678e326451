import { describe, expect, it } from 'vitest';
import { CHART_FONT_PX, chartLayout, DEFAULT_CHART_WIDTH, MIN_CHART_WIDTH } from './chartLayout';

describe('chartLayout', () => {
  it('draws at the width of its box, so a phone shows the axis text at its full size', () => {
    // A card's content box on a 390 px phone: the picture is drawn 1:1, never scaled down.
    const phone = chartLayout(318);
    expect(phone.width).toBe(318);
    // The text is drawn at CHART_FONT_PX units and one unit is one CSS pixel: readable (12 px or more).
    expect(CHART_FONT_PX * (318 / phone.width)).toBeGreaterThanOrEqual(12);
    expect(phone.plotWidth).toBe(318 - phone.margin.left - phone.margin.right);
    // Fewer ticks on a narrow plot, each with room for its label.
    expect(phone.xTickCount).toBe(3);
    expect(phone.plotWidth / phone.xTickCount).toBeGreaterThanOrEqual(56);
    expect(phone.height).toBe(240);
  });

  it('keeps the desktop picture as it was, and the default until the box is measured', () => {
    expect(chartLayout(undefined)).toEqual(chartLayout(DEFAULT_CHART_WIDTH));
    expect(chartLayout(0).width).toBe(DEFAULT_CHART_WIDTH);
    const desktop = chartLayout(672);
    expect(desktop.height).toBe(280);
    expect(desktop.plotHeight).toBe(212);
    expect(desktop.xTickCount).toBe(6);
  });

  it('does not draw a plot narrower than its margins: a tiny box gets the smallest picture, scaled', () => {
    const tiny = chartLayout(120);
    expect(tiny.width).toBe(MIN_CHART_WIDTH);
    expect(tiny.plotWidth).toBeGreaterThan(100);
    expect(tiny.xTickCount).toBeGreaterThanOrEqual(2);
  });
});
