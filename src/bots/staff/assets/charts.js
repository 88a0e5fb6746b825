// Draws each usage chart with uPlot from the table beside it: the first column is the x value (a
// day, or a category), every other column a series. The table stays as the numbers behind it.
import uPlot from '/staff/assets/vendor/uPlot.js';

const COLOURS = ['#0b57b0', '#c2410c', '#1d6b33', '#7c3aed', '#a0281f', '#0e7490'];

function readTable(table) {
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell, i) => (i === 0 ? cell.textContent.trim() : Number(cell.textContent.trim()))),
  );
  return { headers, rows };
}

function draw(box) {
  const table = document.getElementById(box.dataset.for);
  if (!table) return;
  const { headers, rows } = readTable(table);
  const time = table.dataset.kind === 'time';
  const labels = rows.map((r) => r[0]);
  const xs = time ? labels.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000) : labels.map((_, i) => i);
  const data = [xs, ...headers.slice(1).map((_, c) => rows.map((r) => r[c + 1]))];
  const bars = time ? undefined : uPlot.paths.bars({ size: [0.6, 64] });
  const series = [
    {},
    ...headers.slice(1).map((h, i) => ({
      label: h,
      stroke: COLOURS[i % COLOURS.length],
      width: 2,
      ...(bars ? { paths: bars, fill: `${COLOURS[i % COLOURS.length]}cc`, points: { show: false } } : {}),
    })),
  ];
  const opts = {
    // Days are UTC dates (the server counts them so); show them as such whatever the browser's zone.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    width: Math.max(320, Math.min(760, box.clientWidth || 640)),
    height: 240,
    // Room on the right for the last day's label.
    padding: [12, 28, 0, 0],
    series,
    scales: {
      x: time ? { time: true } : { time: false, range: [-0.5, labels.length - 0.5] },
      y: { range: (u, min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      time
        ? // Whole days only: the data is per day, so hour ticks would mean nothing.
          { incrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400], values: '{MM}-{DD}' }
        : {
            values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
            splits: () => labels.map((_, i) => i),
          },
      {},
    ],
    legend: { show: true },
  };
  box.textContent = '';
  new uPlot(opts, data, box);
  box.dataset.drawn = 'true';
}

for (const box of document.querySelectorAll('.chart[data-for]')) draw(box);
document.body.dataset.chartsReady = 'true';
