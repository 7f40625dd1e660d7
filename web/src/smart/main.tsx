// smart.html: the app after the SMART redirect: finish the authorization, read the record, map it, pre-fill the form.
import { render } from 'preact';
import '../no-eval.js';
import { signal } from '@preact/signals';
import FHIR from 'fhirclient';
import { mapFhir, type MapIssue } from '../../../src/fhir/index.js';
import { App } from '../app.js';
import { prefillCase } from '../prefill.js';
import { lang, today } from '../state.js';
import { readRecord } from './record.js';
import { smartText } from './text.js';
import './smart.css';

type Status =
  | { readonly state: 'loading' }
  | { readonly state: 'done'; readonly server: string; readonly patient: string; readonly filled: number; readonly issues: readonly MapIssue[]; readonly failed: readonly string[] }
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
      <p><span data-testid="smart-filled">{s.filled}</span> {smartText(l, 'filled')}</p>
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
  const { data, failed } = await readRecord(client);
  const mapped = mapFhir(data, { asOf: today() });
  prefillCase(mapped.case, mapped.sources);
  status.value = {
    state: 'done', server: client.state.serverUrl, patient: client.getPatientId() ?? '?',
    filled: Object.keys(mapped.sources).length, issues: mapped.issues, failed,
  };
}

render(<><Banner /><App /></>, document.getElementById('app')!);
start().catch((err: unknown) => { status.value = { state: 'error', message: String(err) }; });
