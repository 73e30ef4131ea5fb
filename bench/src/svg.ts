/** A grouped horizontal bar chart of the time ratios, drawn as plain SVG from the results. */
import type { Row } from './report';

const COLORS = ['#6b7280', '#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One group per case and mode, one bar per peer; bar length is log10 of the time ratio to the baseline. */
export function chart(cases: readonly string[], peers: readonly string[], rows: readonly Row[]): string {
  const bar = 9, gap = 10, left = 150, width = 560, top = 40;
  const groups: { label: string; items: Row[] }[] = [];
  for (const c of cases) {
    for (const mode of ['is', 'parse', 'strict', 'errors']) {
      const items = rows.filter((r) => r.case === c && r.mode === mode && r.ratio !== undefined);
      if (items.length > 0) groups.push({ label: `${c} · ${mode}`, items });
    }
  }
  const max = Math.max(2, ...rows.map((r) => r.ratio ?? 1));
  const lo = Math.log10(0.5), hi = Math.log10(max * 1.2);
  const x = (ratio: number): number => left + ((Math.log10(Math.max(ratio, 0.5)) - lo) / (hi - lo)) * width;
  const out: string[] = [];
  let y = top;
  for (const g of groups) {
    out.push(`<text x="${left - 8}" y="${y + (g.items.length * bar) / 2 + 4}" text-anchor="end">${esc(g.label)}</text>`);
    for (const item of g.items) {
      const color = COLORS[peers.indexOf(item.peer) % COLORS.length];
      out.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(item.ratio!) - left).toFixed(1)}" height="${bar - 1}" fill="${color}"><title>${esc(item.peer)}: ${item.ratio!.toFixed(2)}×</title></rect>`);
      y += bar;
    }
    y += gap;
  }
  const height = y + 30;
  const ticks = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000].filter((t) => t <= max * 1.2);
  const axis = ticks.map((t) => `<line x1="${x(t).toFixed(1)}" y1="${top - 6}" x2="${x(t).toFixed(1)}" y2="${y}" stroke="#ddd"/><text x="${x(t).toFixed(1)}" y="${top - 10}" text-anchor="middle">${t}×</text>`);
  const legend = peers.map((p, i) => `<rect x="${left + (i % 5) * 115}" y="${y + 4 + Math.floor(i / 5) * 14}" width="10" height="10" fill="${COLORS[i % COLORS.length]}"/><text x="${left + (i % 5) * 115 + 14}" y="${y + 13 + Math.floor(i / 5) * 14}">${esc(p)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 20}" height="${height + 14}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="14" font-weight="bold">Time per call relative to the hand-written validator (log scale; shorter is faster)</text>`,
    ...axis,
    ...out,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
