// The impact table: per changed case what the reader sees change, grouped by the knowledge change that caused it.
import { CERTAINTY_TEXT, ui, type CaseImpact, type FlowchartDef, type ImpactReport, type KnowledgeFile, type Lang } from '../../../src/index.js';
import { t, type RevKey } from './i18n.js';

interface Sides { readonly base: KnowledgeFile; readonly head: KnowledgeFile }
type Kind = 'do' | 'consider' | 'avoid' | 'inform';

function endLabel(file: KnowledgeFile, outcome: unknown, l: Lang): string {
  const charts = file.declarations.flowcharts as unknown as readonly FlowchartDef<string>[];
  for (const c of charts) {
    const n = c.nodes.find((x) => x.kind === 'end' && x.outcome === outcome);
    if (n) return n.label[l];
  }
  return outcome === null ? '—' : String(outcome);
}

function value(field: string, v: unknown, file: KnowledgeFile, l: Lang): string {
  if (v === null || v === undefined) return '—';
  if (field === 'certainty') return CERTAINTY_TEXT[v as keyof typeof CERTAINTY_TEXT]?.[l] ?? String(v);
  if (field === 'position' || field === 'treatment') return endLabel(file, v, l);
  if (field === 'invalid') return v === 'valid' ? '✓' : `${t(l, 'revInvalid')}: ${String(v)}`;
  return String(v);
}

function Headline({ c, fields, s, l }: { c: CaseImpact; fields: readonly string[]; s: Sides; l: Lang }) {
  const hs = c.headline.filter((h) => fields.includes(h.field));
  if (!hs.length) return <span class="rev-same">{t(l, 'revSame')}</span>;
  return (
    <>{hs.map((h) => (
      <span key={h.field} class="rev-delta" data-headline={h.field}>
        <del>{value(h.field, h.before, s.base, l)}</del> → <ins>{value(h.field, h.after, s.head, l)}</ins>
      </span>
    ))}</>
  );
}

function factLabel(file: KnowledgeFile, fact: string, l: Lang): string {
  const facts = file.declarations.facts as unknown as Readonly<Record<string, { label?: { nl: string; en: string } }>>;
  return facts[fact]?.label?.[l] ?? fact;
}

const kindText = (l: Lang, k: string): string => ui(l, `kind.${k as Kind}`);

function Row({ c, s, l }: { c: CaseImpact; s: Sides; l: Lang }) {
  const r = c.recommendations;
  const col = (k: RevKey): string => t(l, k);
  return (
    <tr data-case={c.name}>
      <th scope="row">{c.name}</th>
      <td data-label={col('col.category')}><Headline c={c} fields={['category', 'invalid']} s={s} l={l} /></td>
      <td data-label={col('col.certainty')}><Headline c={c} fields={['certainty']} s={s} l={l} /></td>
      <td data-label={col('col.eano')}><Headline c={c} fields={['eanoType']} s={s} l={l} /></td>
      <td data-label={col('col.next')}><Headline c={c} fields={['position', 'treatment']} s={s} l={l} /></td>
      <td data-label={col('col.added')} data-testid="recs-added">{r.added.map((x) => <ins key={x.rule} data-rule={x.rule}>{x.rule} ({kindText(l, x.kind)})</ins>)}</td>
      <td data-label={col('col.removed')} data-testid="recs-removed">{r.removed.map((x) => <del key={x.rule} data-rule={x.rule}>{x.rule} ({kindText(l, x.kind)})</del>)}</td>
      <td data-label={col('col.kindChanged')}>{r.changedKind.map((x) => (
        <span key={x.rule} class="rev-delta" data-rule={x.rule}>{x.rule}: <del>{kindText(l, x.before)}</del> → <ins>{kindText(l, x.after)}</ins></span>
      ))}</td>
      <td data-label={col('col.missing')}>
        {c.missing.added.map((f) => <ins key={`+${f}`}>{factLabel(s.head, f, l)}</ins>)}
        {c.missing.removed.map((f) => <del key={`-${f}`}>{factLabel(s.base, f, l)}</del>)}
      </td>
    </tr>
  );
}

function changeTitle(key: string, l: Lang): string {
  if (key === '') return t(l, 'revCauseNone');
  const i = key.indexOf(':');
  return `${t(l, `part.${key.slice(0, i)}` as RevKey)} ${key.slice(i + 1)}`;
}

export function ImpactView({ report, s, l }: { report: ImpactReport; s: Sides; l: Lang }) {
  const { summary } = report;
  return (
    <div data-testid="rev-impact-report" data-cases={summary.cases} data-changed={summary.changedCases}>
      <p class="rev-summary" data-testid="rev-impact-summary">{t(l, 'revImpactSummary', { changed: summary.changedCases, cases: summary.cases })}</p>
      {summary.invalidCases > 0 && <p>{t(l, 'revInvalidCases', { n: summary.invalidCases })}</p>}
      {summary.changedCases === 0 && <p>{t(l, 'revNoImpact')}</p>}
      {summary.groups.length > 0 && <h3>{t(l, 'revByCause')}</h3>}
      {summary.groups.map((g, gi) => {
        const rows = report.cases.filter((c) => (g.change === '' ? c.changes.length === 0 : c.changes.includes(g.change)));
        const hid = `rev-group-${gi}`;
        return (
          <section key={g.change} class="rev-group" data-change={g.change} data-count={g.cases} aria-labelledby={hid}>
            <h4 id={hid}>{changeTitle(g.change, l)} <span class="count">— {t(l, 'revCasesN', { n: g.cases })}</span></h4>
            <div class="scroll" tabIndex={0} role="region" aria-labelledby={hid}>
              <table class="decision rev-impact">
                <thead><tr>
                  {(['col.case', 'col.category', 'col.certainty', 'col.eano', 'col.next', 'col.added', 'col.removed', 'col.kindChanged', 'col.missing'] as const)
                    .map((k) => <th key={k} scope="col">{t(l, k)}</th>)}
                </tr></thead>
                <tbody>{rows.map((c) => <Row key={c.seq} c={c} s={s} l={l} />)}</tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
