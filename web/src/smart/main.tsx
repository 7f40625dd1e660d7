// smart.html: the app after the SMART redirect: finish the authorization, read the record, map it, pre-fill the form.
import { render } from 'preact';
import '../no-eval.js';
import { signal } from '@preact/signals';
import FHIR from 'fhirclient';
import { mapFhir, type MapIssue } from '../../../src/fhir/index.js';
import { App } from '../app.js';
import { prefillCase } from '../prefill.js';
import { asOf, lang, today } from '../state.js';
import { cardContext, cardSources } from './context.js';
import { readRecord } from './record.js';
import { smartText } from './text.js';
import './smart.css';

type Status =
  | { readonly state: 'loading' }
  | {
    readonly state: 'done'; readonly server: string; readonly patient: string; readonly filled: number; readonly issues: readonly MapIssue[];
    readonly failed: readonly string[]; readonly judge: readonly string[];
    /** The CDS card's case was opened (its date), or its appContext was unusable. */
    readonly card: { readonly asOf: string | null } | 'invalid' | null;
  }
  | { readonly state: 'error'; readonly message: string };

const status = signal<Status>({ state: 'loading' });
const ORDER = { error: 0, warning: 1, info: 2 } as const;

function Banner() {
  const l = lang.value;
  const s = status.value;
  if (s.state === 'loading') return <section class="smart-banner" role="status" data-testid="smart-banner" data-state="loading">{smartText(l, 'loading')}</section>;
  if (s.state === 'error') {
    return <section class="smart-banner error" role="alert" data-testid="smart-banner" data-state="error">{smartText(l, 'failed')}: {s.message}</section>;
  }
  const issues = [...s.issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <section class="smart-banner" role="status" data-testid="smart-banner" data-state="done">
      <p><strong>{smartText(l, 'loaded')}</strong> — {smartText(l, 'patient')}: <span data-testid="smart-patient">{s.patient}</span>; {smartText(l, 'server')}: {s.server}</p>
      {s.card && s.card !== 'invalid' && <p data-testid="smart-context">{smartText(l, 'cardCase')}{s.card.asOf ? ` (${s.card.asOf})` : ''}.</p>}
      {s.card === 'invalid' && <p data-testid="smart-context" class="warning">{smartText(l, 'cardInvalid')}</p>}
      <p><span data-testid="smart-filled">{s.filled}</span> {smartText(l, 'filled')}</p>
      {s.judge.length > 0 && <p data-testid="smart-judge">{smartText(l, 'judge')}</p>}
      {s.failed.length > 0 && <p>{smartText(l, 'notFetched')}: {s.failed.join(', ')}</p>}
      {issues.length > 0 && (
        <details>
          <summary>{smartText(l, 'remarks')} ({issues.length})</summary>
          <ul data-testid="smart-issues">
            {issues.map((i, n) => <li key={n} class={i.severity} data-code={i.code}>{i.message[l]}</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}

async function start(): Promise<void> {
  const client = await FHIR.oauth2.ready();
  const card = cardContext(client.state.tokenResponse);
  const day = card && card !== 'invalid' && card.asOf ? card.asOf : today();
  const { data, failed } = await readRecord(client);
  const mapped = mapFhir(data, { asOf: day });
  // Launched from a CDS card: open on the case the card showed, on its date; the record still names each value's source.
  const opened = card && card !== 'invalid' ? { case: card.case, sources: cardSources(card, mapped.sources, mapped.case) } : mapped;
  if (card && card !== 'invalid' && card.asOf) asOf.value = card.asOf;
  const judge = mapped.judge.filter((f) => !(f in opened.sources));
  prefillCase(opened.case, opened.sources, judge);
  status.value = {
    state: 'done', server: client.state.serverUrl, patient: client.getPatientId() ?? '?',
    filled: Object.keys(opened.sources).length, issues: mapped.issues, failed, judge,
    card: card === 'invalid' ? 'invalid' : card ? { asOf: card.asOf ?? null } : null,
  };
}

render(<><Banner /><App /></>, document.getElementById('app')!);
start().catch((err: unknown) => { status.value = { state: 'error', message: String(err) }; });
