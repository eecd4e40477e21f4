import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { formatAxisMoney, formatMoney } from '../credit-words.ts';

/**
 * Chart.js with only what the Credits charts draw (bars on a category and a linear axis, with
 * tooltips): registering these instead of `registerables` keeps the rest out of the bundle. Loaded
 * by `CreditBarChart.vue` with a dynamic import, so only the Credits screen downloads it.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartData {
  labels: string[];
  /** Dollars with cents. */
  values: number[];
  /** Bars along the y axis (categories with names read better that way at 375 px). */
  horizontal: boolean;
  /** A tooltip's title per bar (a target group's full name), else the label. */
  titles?: string[];
}

function configOf(data: BarChartData, color: string): ChartConfiguration<'bar'> {
  const valueAxis = {
    beginAtZero: true,
    ticks: { callback: (value: string | number) => formatAxisMoney(Number(value)) },
  };
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: 'Credit', data: data.values, backgroundColor: color }],
    },
    options: {
      indexAxis: data.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: data.horizontal
        ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
        : { y: valueAxis, x: { ticks: { autoSkip: true, maxRotation: 0 } } },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => items.map((item) => data.titles?.[item.dataIndex] ?? item.label),
            label: (item) => formatMoney(Number(item.raw)),
          },
        },
      },
    },
  };
}

/** Draws the bars on `canvas`; `null` where the page cannot draw (no 2D context). */
export function drawBarChart(canvas: HTMLCanvasElement, data: BarChartData): Chart<'bar'> | null {
  if (!canvas.getContext('2d')) return null;
  const color = getComputedStyle(canvas).getPropertyValue('--color-primary').trim() || '#1d4ed8';
  return new Chart(canvas, configOf(data, color));
}
