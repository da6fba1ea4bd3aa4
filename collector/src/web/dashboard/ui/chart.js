// A line chart drawn by uPlot (a small, maintained charting library), sized to its box and redrawn
// when the box changes width (a tablet turned on its side).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from './html.js';

// Distinct on white and for the common colour-blindnesses (Okabe–Ito), each line also dashed differently.
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DASHES = [[], [6, 3], [2, 3], [10, 4, 2, 4], [4, 4], [12, 3], [1, 2]];

/** `x`: epoch seconds; `series`: [{ label, values }] with values as fractions (0–1) or null. */
export const LineChart = ({ x, series, label, percent = true }) => {
  const box = useRef(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const options = {
      width: element.clientWidth || 600, height: 280,
      scales: { x: { time: true }, y: percent ? { range: [0, 100] } : { auto: true } },
      axes: [{ values: (_u, ticks) => ticks.map((tick) => DAY_MONTH.format(new Date(tick * 1000))) }, { values: (_u, ticks) => ticks.map((tick) => (percent ? `${tick}%` : String(tick))) }],
      series: [{ label: 'Week ending', value: (_u, tick) => (tick === null || tick === undefined ? '–' : DAY_MONTH.format(new Date(tick * 1000))) }, ...series.map((line, index) => ({
        label: line.label, stroke: COLOURS[index % COLOURS.length], dash: DASHES[index % DASHES.length], width: 2,
        points: { show: true, size: 5 }, value: (_u, value) => (value === null || value === undefined ? '–' : percent ? `${value.toFixed(0)}%` : String(value)),
      }))],
    };
    const data = [x, ...series.map((line) => line.values.map((value) => (value === null || value === undefined ? null : percent ? value * 100 : value)))];
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 280 }));
    resize.observe(element);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [JSON.stringify([x, series])]);
  return html`<figure class="chart-figure"><figcaption class="note small">${label}</figcaption><div class="chart" ref=${box}></div></figure>`;
};
