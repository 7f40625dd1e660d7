// The Revision page (committee view): two knowledge files and a folder of cases in, the diff, the impact on the cases
// and the flowcharts side by side out. Loaded on demand (its own chunk); every file is read locally.
import type { Lang, Change, FlowchartDef } from '../../../src/index.js';
import { t } from './i18n.js';
import { lang } from '../state.js';
import type { Problem } from './cases.js';
import { SideBySide, type ChartMarks, type Mark } from './charts.js';
import { DiffView } from './diff-view.js';
import { ImpactView } from './impact-view.js';
import type { KnowledgeLoad, Loaded } from './knowledge.js';
import { cases, chooseCases, chooseKnowledge, diff, impact, knowledge, takeBundled, type Side } from './state.js';

function KnowledgeStatus({ k, l }: { k: KnowledgeLoad | null; l: Lang }) {
  if (!k) return null;
  if (!k.ok) {
    const text = 'json' in k ? t(l, 'revNotJson', { file: k.file, detail: k.json }) : t(l, 'revRefused', { file: k.file, reason: k.refused[l] });
    return <p class="rev-error" role="alert" data-testid="knowledge-error">{text}</p>;
  }
  const f = k.k.file;
  return (
    <>
      <p class="rev-ok" data-testid="knowledge-ok">
        {t(l, 'revKnowledgeLoaded', { file: k.k.name, version: f.version, hash: f.contentHash })}{f.revision ? `, ${t(l, 'revRevision', { revision: f.revision })}` : ''}
      </p>
      {k.k.code.length > 0 && (
        <p class="rev-warn" role="status" data-testid="knowledge-code">
          {k.k.code.includes('code') ? t(l, 'revCodeAbsent', { file: k.k.name })
            : t(l, 'revCodeDiffers', { file: k.k.name, modules: k.k.code.map((c) => c.slice('code:'.length)).join(', ') })}
        </p>
      )}
      {k.k.unbound.length > 0 && k.k.code.length === 0 && (
        <p class="rev-warn" role="status" data-testid="knowledge-unbound">
          {t(l, 'revUnbound', { file: k.k.name, n: k.k.unbound.length, names: k.k.unbound.join(', ') })}
        </p>
      )}
      {k.k.notRunnable && <p class="rev-error" role="alert">{t(l, 'revNotRunnable', { file: k.k.name, detail: k.k.notRunnable })}</p>}
    </>
  );
}

function KnowledgePicker({ side, l }: { side: Side; l: Lang }) {
  const id = `rev-${side}-file`;
  return (
    <div class="rev-picker" data-side={side}>
      <h3>{t(l, side === 'base' ? 'revBase' : 'revHead')}</h3>
      <label for={id}>{t(l, 'revChooseKnowledge')}</label>
      <input id={id} type="file" accept="application/json,.json" data-action={`knowledge-${side}`}
        onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void chooseKnowledge(side, f); }} />
      {side === 'base' && (
        <p><button type="button" class="quiet" data-action="knowledge-bundled" onClick={() => takeBundled(side, t(l, 'revBundledName'))}>{t(l, 'revUseBundled')}</button></p>
      )}
      <div aria-live="polite"><KnowledgeStatus k={knowledge[side].value} l={l} /></div>
    </div>
  );
}

function problemText(p: Problem, l: Lang): string {
  if (p.kind === 'empty') return t(l, 'prob.empty', { file: p.file });
  if (p.kind === 'json') return p.line === undefined ? t(l, 'prob.json', { file: p.file, detail: p.detail }) : t(l, 'prob.jsonLine', { file: p.file, line: p.line, detail: p.detail });
  return t(l, 'prob.not-case', { file: p.file, detail: p.detail[l] });
}

function CasePicker({ l }: { l: Lang }) {
  const c = cases.value;
  const pick = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same choice again reads the files again
    if (files.length) void chooseCases(files);
  };
  return (
    <section class="card" aria-labelledby="rev-cases-h">
      <h2 id="rev-cases-h">{t(l, 'revCasesH')}</h2>
      <div class="rev-pickers">
        <div class="rev-picker">
          <label for="rev-folder">{t(l, 'revChooseFolder')}</label>
          {/* webkitdirectory: the whole folder, sub-folders included (Chromium, Firefox, Safari). */}
          <input id="rev-folder" type="file" multiple {...{ webkitdirectory: true }} data-action="cases-folder" onChange={pick} />
        </div>
        <div class="rev-picker">
          <label for="rev-files">{t(l, 'revChooseFiles')}</label>
          <input id="rev-files" type="file" multiple accept=".json,.ndjson,.jsonl,application/json" data-action="cases-files" onChange={pick} />
        </div>
      </div>
      <div aria-live="polite">
        {c && (
          <p data-testid="cases-loaded" data-n={c.cases.length}>
            {t(l, 'revCasesLoaded', { n: c.cases.length, files: c.files })}{c.skipped > 0 ? ` · ${t(l, 'revSkipped', { n: c.skipped })}` : ''}
            {' '}<button type="button" class="quiet" data-action="cases-clear" onClick={() => { cases.value = null; }}>{t(l, 'revClearCases')}</button>
          </p>
        )}
        {c && c.problems.length > 0 && (
          <details class="rev-problems" data-testid="case-problems">
            <summary>{t(l, 'revProblemsH', { n: c.problems.length })}</summary>
            <ul>{c.problems.map((p, i) => <li key={i}>{problemText(p, l)}</li>)}</ul>
          </details>
        )}
      </div>
    </section>
  );
}

function Impact({ l, a, b }: { l: Lang; a: Loaded; b: Loaded }) {
  const s = impact.value;
  let body;
  if (s.state === 'unavailable') body = <p class="rev-warn" data-testid="rev-impact-unavailable">{t(l, 'revImpactUnavailable')}</p>;
  else if (s.state === 'idle') body = <p>{t(l, 'revNoCases')}</p>;
  else if (s.state === 'running') body = <p role="status">{t(l, 'revEvaluating', { done: s.done, n: s.n })}</p>;
  else body = <ImpactView report={s.report} s={{ base: a.file, head: b.file }} l={l} />;
  return (
    <section class="card rev-impact-card" aria-labelledby="rev-impact-h" data-testid="rev-impact" data-state={s.state}>
      <h2 id="rev-impact-h">{t(l, 'revImpactH')}</h2>
      {body}
    </section>
  );
}

/** Nodes and edges the diff names, per side: removed/changed on the base, added/changed on the head. */
function marks(changes: readonly Change[], base: readonly FlowchartDef<string>[], head: readonly FlowchartDef<string>[]): { base: ChartMarks; head: ChartMarks } {
  const out = { base: new Map<string, Map<string, Mark>>(), head: new Map<string, Map<string, Mark>>() };
  const put = (side: 'base' | 'head', chart: string, key: string, m: Mark): void => {
    const map = out[side].get(chart) ?? new Map<string, Mark>();
    map.set(key, m);
    out[side].set(chart, map);
  };
  const target = (charts: readonly FlowchartDef<string>[], chart: string, from: string, label: string): string | undefined => {
    const n = charts.find((c) => c.id === chart)?.nodes.find((x) => x.id === from) as Record<string, unknown> | undefined;
    return typeof n?.[label] === 'string' ? n[label] as string : undefined;
  };
  for (const c of changes) {
    if (c.part === 'node') {
      const [chart, node] = [c.id.slice(0, c.id.indexOf('/')), c.id.slice(c.id.indexOf('/') + 1)];
      if (c.change !== 'added') put('base', chart, node, c.change);
      if (c.change !== 'removed') put('head', chart, node, c.change);
    } else if (c.part === 'edge') {
      const slash = c.id.indexOf('/');
      const colon = c.id.lastIndexOf(':');
      const [chart, from, label] = [c.id.slice(0, slash), c.id.slice(slash + 1, colon), c.id.slice(colon + 1)];
      const tb = target(base, chart, from, label);
      const th = target(head, chart, from, label);
      if (c.change !== 'added' && tb) put('base', chart, `${from}>${tb}`, c.change);
      if (c.change !== 'removed' && th) put('head', chart, `${from}>${th}`, c.change);
    }
  }
  return out;
}

export function RevisionPage() {
  const l = lang.value;
  const a = knowledge.base.value;
  const b = knowledge.head.value;
  const d = diff.value;
  const both = a?.ok && b?.ok ? { a: a.k, b: b.k } : null;
  const m = both && d ? marks(d.changes, both.a.flowcharts, both.b.flowcharts) : null;
  return (
    <div class="rev-page" data-testid="revision">
      <h2 class="sr-only">{t(l, 'revTitle')}</h2>
      <p class="intro">{t(l, 'revIntro')}</p>
      <section class="card" aria-labelledby="rev-knowledge-h">
        <h2 id="rev-knowledge-h">{t(l, 'revKnowledgeH')}</h2>
        <div class="rev-pickers"><KnowledgePicker side="base" l={l} /><KnowledgePicker side="head" l={l} /></div>
      </section>
      <CasePicker l={l} />
      {!both && <p data-testid="rev-waiting">{t(l, 'revWaiting')}</p>}
      {both && d && <DiffView d={d} l={l} />}
      {both && <Impact l={l} a={both.a} b={both.b} />}
      {both && m && <SideBySide l={l} base={both.a.flowcharts} head={both.b.flowcharts} baseMarks={m.base} headMarks={m.head} />}
    </div>
  );
}
