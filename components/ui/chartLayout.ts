// The line chart's geometry at the width it is drawn at. The chart draws in CSS pixels (its viewBox is as wide as
// the box it sits in), so its text keeps its size on every screen: a fixed 520-unit picture scaled into a phone's
// 320-odd pixels drew its 15-unit axis text at about 10 px. Narrow boxes get fewer ticks instead of smaller text.

/** The width drawn before the box is measured (the static page, a test without layout). */
export const DEFAULT_CHART_WIDTH = 520;
/** Below this the picture is drawn at this width and scaled down: its margins leave no plot under it. */
export const MIN_CHART_WIDTH = 260;
/** Axis and marker text, in CSS pixels at every width (at least 12 px is readable on a phone). */
export const CHART_FONT_PX = 13;
/** The room one x tick's label needs, so labels never run into each other. */
const X_TICK_SPACING = 56;

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  plotWidth: number;
  plotHeight: number;
  /** About how many x ticks fit (the tick helper picks round values near it). */
  xTickCount: number;
}

/** The geometry for a box `measured` CSS pixels wide (undefined or 0 before it is measured). */
export function chartLayout(measured: number | undefined): ChartLayout {
  const width =
    measured && measured > 0 ? Math.max(MIN_CHART_WIDTH, Math.round(measured * 100) / 100) : DEFAULT_CHART_WIDTH;
  // A phone's picture is a little shorter, so the chart and its caption still fit on one screen with the figures.
  const height = width < 440 ? 240 : 280;
  const margin = { top: 20, right: 20, bottom: 48, left: 76 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const xTickCount = Math.max(2, Math.min(6, Math.floor(plotWidth / X_TICK_SPACING)));
  return { width, height, margin, plotWidth, plotHeight, xTickCount };
}
