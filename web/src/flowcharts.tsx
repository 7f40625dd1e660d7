// Both flowcharts, drawn by the core from the declarations the engine runs, with this case's path.
// Nodes become focusable buttons (event delegation); the side panel explains the chosen node.
import { useEffect, useRef } from 'preact/hooks';
import { signal } from '@preact/signals';
import { FACTS, MODEL, flowchartToSvg, ui, type ChartResult, type FlowNode, type Lang } from '../../src/index.js';
import { t } from './i18n.js';
import { lang, result } from './state.js';

const selected = signal<{ chart: string; node: string } | null>(null);

function triText(l: Lang, v: boolean | null | undefined): string {
  return v === true ? ui(l, 'yes') : v === false ? ui(l, 'no') : ui(l, 'unknown');
}

function predicateLabel(name: string, l: Lang): string {
  const p = (MODEL.predicates as Readonly<Record<string, { label: { nl: string; en: string }; uses: readonly string[] }>>)[name];
  return p ? p.label[l] : name;
}

function factLabels(name: string, l: Lang): string {
  const p = (MODEL.predicates as Readonly<Record<string, { uses: readonly string[] }>>)[name];
  const facts = FACTS as Readonly<Record<string, { label: { nl: string; en: string } }>>;
  return (p?.uses ?? []).map((f) => facts[f]?.label[l] ?? f).join(', ');
}

function NodePanel({ chartIdx }: { chartIdx: number }) {
  const l = lang.value;
  const chart = MODEL.flowcharts[chartIdx]!;
  const sel = selected.value;
  if (!sel || sel.chart !== chart.id) return <p class="hint">{t(l, 'nodeHint')}</p>;
  const node = chart.nodes.find((n) => n.id === sel.node) as FlowNode<string> | undefined;
  if (!node) return null;
  const trace: ChartResult | undefined = result.value.trace.flowcharts[chartIdx];
  const visit = trace?.path.find((v) => v.node === node.id);
  return (
    <div class="node-panel" data-testid="node-panel" data-node={node.id}>
      <h3>{node.label[l]}</h3>
      <dl>
        <dt>{t(l, 'nodeKind')}</dt><dd>{t(l, `kind.${node.kind}`)}</dd>
        {node.ids.length > 0 && <><dt>{t(l, 'requirementIds')}</dt><dd>{node.ids.join(', ')}</dd></>}
        <dt>{ui(l, 'section')}</dt><dd>{node.section}</dd>
        {node.kind === 'decision' && (
          <><dt>{t(l, 'conditions')}</dt><dd>{typeof node.test === 'string' ? predicateLabel(node.test, l) : `${t(l, 'not')}: ${predicateLabel(node.test.not, l)}`}</dd></>
        )}
      </dl>
      <h4>{t(l, 'thisCase')}</h4>
      {!visit && <p>{t(l, 'notVisited')}</p>}
      {visit && trace?.stoppedAt === node.id && <p class="stopped">{t(l, 'stoppedHere')}</p>}
      {visit?.answer !== undefined && <p><strong>{t(l, 'answer')}:</strong> {triText(l, visit.answer)}</p>}
      {visit?.conds && (
        <ul>{visit.conds.map((c) => (
          <li key={c.predicate}>{c.negated ? `${t(l, 'not')}: ` : ''}{predicateLabel(c.predicate, l)} → <strong>{triText(l, c.value)}</strong>
            <span class="facts"> ({factLabels(c.predicate, l)})</span></li>
        ))}</ul>
      )}
      {visit?.rules && visit.rules.length > 0 && (
        <>
          <h4>{t(l, 'rules')}</h4>
          <ul>{visit.rules.map((r) => {
            const rule = MODEL.rules.find((x) => x.id === r.rule);
            const fired = result.value.recommendations.find((x) => x.rule === r.rule);
            const text = (fired ?? rule)?.text[l] ?? r.rule;
            return <li key={r.rule} data-status={r.status}><strong>{t(l, `rule.${r.status}`)}</strong>: {text}{rule ? ` [${rule.ids.join(', ')}]` : ''}</li>;
          })}</ul>
        </>
      )}
    </div>
  );
}

const zoomed = signal<Readonly<Record<string, boolean>>>({});

function Chart({ idx }: { idx: number }) {
  const l = lang.value;
  const chart = MODEL.flowcharts[idx]!;
  const trace = result.value.trace.flowcharts[idx];
  const ref = useRef<HTMLDivElement>(null);
  const svg = flowchartToSvg(chart, l, trace);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    host.innerHTML = svg;
    const root = host.querySelector('svg');
    root?.setAttribute('role', 'group');
    root?.removeAttribute('width');
    root?.removeAttribute('height');
    host.querySelectorAll<SVGGElement>('g[data-node]').forEach((g) => {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', g.querySelector('title')?.textContent ?? g.dataset.node ?? '');
      if (selected.value?.chart === chart.id && selected.value.node === g.dataset.node) g.classList.add('selected');
    });
  }, [svg]);
  const choose = (target: EventTarget | null): void => {
    const g = (target as Element | null)?.closest?.('g[data-node]');
    const node = g?.getAttribute('data-node');
    if (node) selected.value = { chart: chart.id, node };
  };
  return (
    <section class="chart" aria-labelledby={`chart-${chart.id}`} data-chart={chart.id}>
      <h2 id={`chart-${chart.id}`}>{chart.label[l]}</h2>
      <button type="button" class="zoom" data-action="zoom" aria-pressed={zoomed.value[chart.id] === true}
        onClick={() => { zoomed.value = { ...zoomed.value, [chart.id]: !zoomed.value[chart.id] }; }}>
        {t(l, zoomed.value[chart.id] ? 'zoomOut' : 'zoomIn')}
      </button>
      <div class="chart-body">
        <div class={zoomed.value[chart.id] ? 'svg-host zoomed' : 'svg-host'} ref={ref} tabIndex={zoomed.value[chart.id] ? 0 : undefined}
          role={zoomed.value[chart.id] ? 'region' : undefined} aria-label={zoomed.value[chart.id] ? chart.label[l] : undefined} onClick={(e) => choose(e.target)}
          onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(e.target); } }} />
        <aside class="side" aria-live="polite"><NodePanel chartIdx={idx} /></aside>
      </div>
    </section>
  );
}

export function Flowcharts() {
  return (
    <div class="flowcharts">
      <p class="intro">{t(lang.value, 'flowIntro')}</p>
      {MODEL.flowcharts.map((c, i) => <Chart key={c.id} idx={i} />)}
    </div>
  );
}
