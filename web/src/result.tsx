// The live result: scope, diagnosis, category, advice by kind with provenance, missing facts, version.
import { REFERENCES, ui, type Item, type Lang } from '../../src/index.js';
import { jumpTo } from './answer.js';
import { fieldId } from './fields.js';
import { fieldLabel, t } from './i18n.js';
import { checked, lang, result } from './state.js';

const KINDS = [
  { kind: 'do', icon: '✓' },
  { kind: 'consider', icon: '?' },
  { kind: 'avoid', icon: '✕' },
  { kind: 'inform', icon: 'i' },
] as const;

function Rec({ item, l }: { item: Item; l: Lang }) {
  return (
    <li class="rec" data-rule={item.rule} data-ids={item.ids.join(' ')}>
      <details>
        <summary>
          <span class="rec-text">{item.text[l]}</span>
          {item.assumptions && <span class="assumption"> ({ui(l, 'provisional')}: {item.assumptions.map((a) => a[l]).join('; ')})</span>}
          {item.note && <span class={`badge note-${item.note.kind}`}>{ui(l, item.note.kind)}</span>}
          <span class="ids">{item.ids.join(' · ')}</span>
        </summary>
        <div class="rec-body">
          <p><strong>{t(l, 'rationale')}:</strong> {item.rationale[l]}</p>
          {item.note && <p class="note"><strong>{ui(l, item.note.kind)}:</strong> {item.note.text[l]}</p>}
          <p><strong>{ui(l, 'section')}:</strong> {item.section}</p>
          {item.refs.length > 0 && (
            <ol class="refs">{item.refs.map((n) => <li key={n} value={n}>{REFERENCES[n] ?? `#${n}`}</li>)}</ol>
          )}
          <p><strong>{t(l, 'requirementIds')}:</strong> {item.ids.join(', ')}</p>
        </div>
      </details>
    </li>
  );
}

function Issues({ l }: { l: Lang }) {
  const r = result.value;
  const schema = checked.value.errors;
  if (!schema.length && !r.errors.length && !r.warnings.length) return null;
  return (
    <section class="issues" role="alert" data-testid="issues">
      <h3><span aria-hidden="true">⚠ </span>{t(l, 'invalid')}</h3>
      <ul>
        {schema.map((e) => <li key={`s${e.field}`}><a href={`#${fieldId(e.field)}`} onClick={(ev) => { ev.preventDefault(); jumpTo(e.field); }}>{fieldLabel(l, e.field)}</a>: {e.message[l]}</li>)}
        {[...r.errors, ...r.warnings].map((e, i) => (
          <li key={`c${i}`}>
            {e.fields.map((f, j) => (
              <span key={f}>{j > 0 && ' + '}<a href={`#${fieldId(f)}`} onClick={(ev) => { ev.preventDefault(); jumpTo(f); }}>{fieldLabel(l, f)}</a></span>
            ))}: {e.message[l]}
          </li>
        ))}
      </ul>
      {schema.length > 0 && <p>{t(l, 'invalidHint')}</p>}
    </section>
  );
}

/** SAFE warnings come first, never as an "inform" at the bottom. */
function Safety({ l }: { l: Lang }) {
  const items = result.value.recommendations.filter((i) => i.group === 'safety');
  if (!items.length) return null;
  return (
    <section class={items.some((i) => i.urgent) ? 'safety urgent' : 'safety'} role="alert" aria-labelledby="safety-h" data-testid="safety">
      <h3 id="safety-h"><span aria-hidden="true">⚠ </span>{ui(l, 'safety')}</h3>
      <ul>{items.map((i) => <Rec key={i.rule} item={i} l={l} />)}</ul>
    </section>
  );
}

export function ResultPanel() {
  const l = lang.value;
  const r = result.value;
  return (
    <section class="result" id="result" tabIndex={-1} aria-labelledby="result-h" data-testid="result" data-ids={r.ids.join(' ')}
      data-scope={r.scope} data-certainty={r.diagnosis.certainty ?? ''} data-eano={r.diagnosis.eanoType ?? ''}
      data-category={r.category ?? ''}>
      <h2 id="result-h">{t(l, 'result')}</h2>
      <p class="sr-only" aria-live="polite">{t(l, 'resultLive')}</p>
      <Safety l={l} />
      <Issues l={l} />

      {KINDS.map(({ kind, icon }) => {
        const items = r.recommendations.filter((i) => i.kind === kind && i.group !== 'safety' && i.group !== 'input');
        if (!items.length) return null;
        return (
          <section key={kind} class={`kind kind-${kind}`} aria-labelledby={`kind-${kind}`}>
            <h3 id={`kind-${kind}`}><span class="icon" aria-hidden="true">{icon}</span> {ui(l, `kind.${kind}`)} <span class="count">({items.length})</span></h3>
            <ul>{items.map((i) => <Rec key={i.rule} item={i} l={l} />)}</ul>
          </section>
        );
      })}
      <footer class="version" data-testid="version">
        {r.guideline.title[l]} · Erasmus MC {r.guideline.version} · {ui(l, 'contentHash')} {r.guideline.contentHash}
        {' · '}{t(l, 'evaluatedOn')} {r.asOf ?? ui(l, 'asOfUnknown')}
        {' · '}{t(l, 'plannedRevision')} {r.guideline.plannedRevision}
        {r.ids.includes('SCOPE-REVISION') && <p class="revision" data-testid="revision"><span aria-hidden="true">⚠ </span>{ui(l, 'revisionWarning')}</p>}
        <br />{ui(l, 'intendedUse')}
      </footer>
    </section>
  );
}
