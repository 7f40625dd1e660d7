// The flowcharts of both knowledge versions side by side (base | head; stacked on a phone), drawn by the core's
// flowchartToSvg; nodes and edges the diff names are marked by class (outline, dash and a text label, not colour alone).
import { useEffect, useRef } from 'preact/hooks';
import { flowchartToSvg, type FlowchartDef, type Lang } from '../../../src/index.js';
import { t } from './i18n.js';

export type Mark = 'added' | 'removed' | 'changed';
/** Per side, chart id → node id (or edge "from>to") → what the diff says of it. */
export type ChartMarks = ReadonlyMap<string, ReadonlyMap<string, Mark>>;

function Drawing({ chart, l, marks, side }: { chart: FlowchartDef<string>; l: Lang; marks: ReadonlyMap<string, Mark> | undefined; side: 'base' | 'head' }) {
  const ref = useRef<HTMLDivElement>(null);
  const svg = flowchartToSvg(chart, l);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    host.innerHTML = svg;
    const root = host.querySelector('svg');
    root?.removeAttribute('width');
    root?.removeAttribute('height');
    root?.setAttribute('aria-label', `${chart.label[l]} — ${t(l, side === 'base' ? 'revBase' : 'revHead')}`);
    for (const [id, mark] of marks ?? []) {
      const sel = id.includes('>') ? `g[data-edge="${CSS.escape(id)}"]` : `g[data-node="${CSS.escape(id)}"]`;
      host.querySelectorAll(sel).forEach((g) => {
        g.classList.add(`rev-${mark}`);
        const title = g.querySelector('title');
        if (title) title.textContent = `${title.textContent ?? ''} (${t(l, `change.${mark}`)})`;
      });
    }
  }, [svg, marks, l, side, chart]);
  return <div class="svg-host rev-svg" ref={ref} data-side={side} />;
}

/** Nodes by their label: removed ones from the base, added and changed ones from the head (their new label). */
function changedList(l: Lang, chart: FlowchartDef<string> | undefined, marks: ReadonlyMap<string, Mark> | undefined, side: 'base' | 'head'): string[] {
  if (!marks) return [];
  return [...marks].filter(([id, m]) => !id.includes('>') && (side === 'head' || m === 'removed')).map(([id, m]) => {
    const node = chart?.nodes.find((n) => n.id === id);
    return `${node ? node.label[l] : id} (${t(l, `change.${m}`)})`;
  });
}

export function SideBySide({ l, base, head, baseMarks, headMarks }: {
  l: Lang; base: readonly FlowchartDef<string>[]; head: readonly FlowchartDef<string>[]; baseMarks: ChartMarks; headMarks: ChartMarks;
}) {
  const ids = [...new Set([...base.map((c) => c.id), ...head.map((c) => c.id)])];
  return (
    <section class="rev-charts" aria-labelledby="rev-charts-h" data-testid="rev-charts">
      <h2 id="rev-charts-h">{t(l, 'revCharts')}</h2>
      <p class="intro">{t(l, 'revChartsLegend')}</p>
      {ids.map((id) => {
        const b = base.find((c) => c.id === id);
        const h = head.find((c) => c.id === id);
        const label = (h ?? b)!.label[l];
        const changed = [...changedList(l, b, baseMarks.get(id), 'base'), ...changedList(l, h, headMarks.get(id), 'head')];
        return (
          <section key={id} class="chart rev-chart" data-chart={id} aria-labelledby={`rev-chart-${id}`}>
            <h3 id={`rev-chart-${id}`}>{label}</h3>
            <p class="rev-changed-nodes" data-testid="changed-nodes">
              {changed.length ? `${t(l, 'revChangedNodes')}: ${changed.join('; ')}` : t(l, 'revNoChartChange')}
            </p>
            <div class="rev-pair">
              <figure>
                <figcaption>{t(l, 'revBase')}</figcaption>
                {b ? <Drawing chart={b} l={l} marks={baseMarks.get(id)} side="base" /> : <p>{t(l, 'revChartAbsent')}</p>}
              </figure>
              <figure>
                <figcaption>{t(l, 'revHead')}</figcaption>
                {h ? <Drawing chart={h} l={l} marks={headMarks.get(id)} side="head" /> : <p>{t(l, 'revChartAbsent')}</p>}
              </figure>
            </div>
          </section>
        );
      })}
    </section>
  );
}
