// The page: header, views, toolbar, and the case view with the live result beside (desktop) or below (phone) the form.
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../../src/index.js';
import { CaseForm } from './form.js';
import { Flowcharts } from './flowcharts.js';
import { t } from './i18n.js';
import { copyText, inputLines, openCase, saveCase } from './output.js';
import { ResultPanel } from './result.js';
import { checked, lang, loadCase, notice, today, view, type View } from './state.js';
import { Tables } from './tables.js';

const VIEWS: readonly View[] = ['case', 'flowcharts', 'tables'];

function Toolbar({ l }: { l: Lang }) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <div class="toolbar" role="toolbar" aria-label={t(l, 'appName')}>
      <button type="button" data-action="new" onClick={() => { loadCase({}); notice.value = ''; }}>{t(l, 'newCase')}</button>
      <button type="button" data-action="open" onClick={() => file.current?.click()}>{t(l, 'open')}</button>
      <input ref={file} type="file" accept="application/json,.json" class="sr-only" tabIndex={-1} aria-hidden="true" data-action="open-file"
        onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void openCase(f); e.currentTarget.value = ''; }} />
      <button type="button" data-action="save" onClick={saveCase}>{t(l, 'save')}</button>
      <button type="button" data-action="copy" onClick={() => void copyText()}>{t(l, 'copy')}</button>
      <button type="button" data-action="print" onClick={() => { view.value = 'case'; requestAnimationFrame(() => window.print()); }}>{t(l, 'print')}</button>
    </div>
  );
}

function Inputs({ l }: { l: Lang }) {
  const lines = inputLines(checked.value.case, l);
  return (
    <section class="inputs print-only" aria-labelledby="inputs-h" data-testid="inputs">
      <h2 id="inputs-h">{t(l, 'inputs')}</h2>
      {lines.length ? <dl>{lines.map(([k, v], i) => <div key={i}><dt>{k}</dt><dd>{v}</dd></div>)}</dl> : <p>{t(l, 'noInputs')}</p>}
    </section>
  );
}

export function App() {
  const l = lang.value;
  useEffect(() => { document.documentElement.lang = l; document.title = `${t(l, 'appName')} — ${t(l, 'tagline')}`; }, [l]);
  return (
    <>
      <a class="skip" href="#result">{t(l, 'skip')}</a>
      <header class="top">
        <div class="brand">
          <h1>{t(l, 'appName')}</h1>
          <p class="tagline">{t(l, 'tagline')}</p>
        </div>
        <button type="button" class="lang" data-action="lang" lang={l === 'nl' ? 'en' : 'nl'} aria-label={t(l, 'langSwitchLabel')}
          onClick={() => { lang.value = l === 'nl' ? 'en' : 'nl'; }}>{t(l, 'langSwitch')}</button>
      </header>
      <div class="bar">
        <nav class="views" aria-label={t(l, 'views')}>
          {VIEWS.map((v) => (
            <button type="button" key={v} data-view={v} aria-current={view.value === v ? 'page' : undefined} onClick={() => { view.value = v; }}>
              {t(l, `view.${v}`)}
            </button>
          ))}
        </nav>
        <Toolbar l={l} />
        {view.value === 'case' && <a class="to-result" href="#result">↓ {t(l, 'skip')}</a>}
      </div>
      <p class="notice" role="status" aria-live="polite" data-testid="notice">{notice.value}</p>
      <main>
        <p class="print-only print-date">{t(l, 'printedOn')} {today()}</p>
        {view.value === 'case' && (
          <div class="case-view">
            <CaseForm />
            <div class="result-col"><ResultPanel /><Inputs l={l} /></div>
          </div>
        )}
        {view.value === 'flowcharts' && <Flowcharts />}
        {view.value === 'tables' && <Tables />}
      </main>
      <footer class="privacy"><p>{t(l, 'privacy')}</p></footer>
    </>
  );
}
