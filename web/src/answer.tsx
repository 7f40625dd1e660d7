// The answer card: the core's answer summary (src/render/answer.ts) at the top of the advice, always in view —
// sticky in the advice column on a desktop, a bottom sheet on a phone; collapsible. Nothing here is clinical text.
import { signal } from '@preact/signals';
import { answerOf, decidesOf, issueText, ui, type Lang, type Missing } from '../../src/index.js';
import { fieldId } from './fields.js';
import { t } from './i18n.js';
import { lang, result } from './state.js';

const PHONE = '(max-width: 900px)';
const isPhone = (): boolean => globalThis.matchMedia?.(PHONE).matches ?? false;

/** Open on a desktop; on a phone the card starts as a three-line sheet. */
export const answerOpen = signal(!isPhone());

/** Focus the form control for a field path; list paths like lumbarPunctures[] go to the list. */
export function jumpTo(field: string): void {
  const exact = field.replace('[]', '[0]');
  const el = document.getElementById(fieldId(exact)) ?? document.getElementById(fieldId(field.split(/[.[]/)[0] ?? field));
  const section = el ?? document.querySelector<HTMLElement>(`[data-field^="${field.split(/[.[]/)[0] ?? ''}"]`);
  if (!section) return;
  if (isPhone()) answerOpen.value = false;
  section.scrollIntoView({ block: 'center' });
  const target = section.matches('input, select, button, [tabindex]') ? section : section.querySelector<HTMLElement>('input, select');
  target?.focus({ preventScroll: true });
}

function NeededItem({ m, l }: { m: Missing; l: Lang }) {
  const field = m.fields[0] ?? '';
  const decides = decidesOf(m).map((d) => d[l]).join('; ');
  return (
    <li data-fields={m.fields.join(' ')}>
      <a href={`#${fieldId(field)}`} onClick={(e) => { e.preventDefault(); jumpTo(field); }}>
        {m.label[l].charAt(0).toUpperCase() + m.label[l].slice(1)}?
      </a>
      {decides && <span class="decides"> — {decides}{m.decidesItems && m.decides.length > 3 ? ' …' : ''}</span>}
    </li>
  );
}

/** "Still needed": the three most decisive facts as questions, the rest behind a disclosure; no box when none. */
function Needed({ missing, l }: { missing: readonly Missing[]; l: Lang }) {
  if (!missing.length) return null;
  const first = missing.slice(0, 3);
  const rest = missing.slice(3);
  return (
    <section class="needed" aria-labelledby="needed-h" data-testid="missing">
      <h3 id="needed-h">{ui(l, 'answer.needed')}</h3>
      <ol>{first.map((m) => <NeededItem key={m.fact} m={m} l={l} />)}</ol>
      {rest.length > 0 && (
        <details class="needed-more">
          <summary>{t(l, 'moreNeeded', { n: rest.length })}</summary>
          <ol start={4}>{rest.map((m) => <NeededItem key={m.fact} m={m} l={l} />)}</ol>
        </details>
      )}
    </section>
  );
}

export function AnswerCard() {
  const l = lang.value;
  const r = result.value;
  const a = answerOf(r);
  const open = answerOpen.value;
  const urgent = a.safety.some((s) => s.urgent);
  return (
    <section class={`answer${open ? ' open' : ''}${urgent ? ' urgent' : a.safety.length ? ' warn' : ''}`} id="answer" tabIndex={-1}
      aria-labelledby="answer-h" data-testid="answer">
      <div class="answer-head">
        <h2 id="answer-h">{ui(l, 'answer.title')}</h2>
        <button type="button" class="answer-toggle" data-action="answer-toggle" aria-expanded={open} aria-controls="answer-more"
          onClick={() => { answerOpen.value = !open; }}>
          {open ? t(l, 'answerLess') : t(l, 'answerMore')}
        </button>
      </div>
      {a.safety.length > 0 && (
        <ul class="answer-safety" data-testid="answer-safety">
          {a.safety.map((s) => (
            <li key={s.rule} class={s.urgent ? 'urgent' : ''}>
              <span aria-hidden="true">⚠ </span><strong>{ui(l, s.urgent ? 'answer.urgent' : 'answer.safety')}:</strong> {s.text[l]}
            </li>
          ))}
        </ul>
      )}
      {a.issues.length > 0 && (
        <ul class="answer-issues" data-testid="answer-issues">
          {a.issues.map((m) => <li key={m.nl}><span aria-hidden="true">⚠ </span>{issueText(m, l)}</li>)}
        </ul>
      )}
      <p class="answer-line" data-testid="answer-diagnosis"><span class="k">{ui(l, 'answer.diagnosis')}:</span> {a.diagnosis[l]}</p>
      <p class="answer-line" data-testid="answer-category"><span class="k">{ui(l, 'category')}:</span> {a.category[l]}</p>
      <p class="answer-line answer-plan" data-testid="answer-plan"><span class="k">{ui(l, 'answer.plan')}:</span> {a.planLines[0]![l]}</p>
      <div id="answer-more" class="answer-more" hidden={!open}>
        {a.planLines[1] && (
          <p class="answer-line answer-avoid" data-testid="answer-avoid">
            <span class="k">{ui(l, 'answer.notToDo')}:</span> {a.planLines[1][l].replace(/^[^:]+:\s*/, '')}
          </p>
        )}
        <Needed missing={r.missing} l={l} />
        <p class="answer-links"><a href="#result" onClick={() => { if (isPhone()) answerOpen.value = false; }}>{t(l, 'toFullAdvice')}</a></p>
      </div>
    </section>
  );
}
