// The page: header, views, toolbar, and the case view with the live result beside (desktop) or below (phone) the form.
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../../src/index.js';
import { CaseForm } from './form.js';
import { Flowcharts } from './flowcharts.js';
import { t } from './i18n.js';
import { AnswerCard, answerOpen } from './answer.js';
import { copyNote, copyText, inputLines, mayDiscard, openCase, saveCase } from './output.js';
import { ResultPanel } from './result.js';
import { checked, dirty, lang, loadCase, notice, today, view, type View } from './state.js';
import { Tables } from './tables.js';

const VIEWS: readonly View[] = ['case', 'flowcharts', 'tables', 'revision'];

// The committee's Revision page is its own chunk, loaded when first opened (the clinician's first load stays small).
const revisionPage = signal<ComponentType | null>(null);
function Revision() {
  useEffect(() => {
    if (!revisionPage.value) void import('./revision/page.js').then((m) => { revisionPage.value = m.RevisionPage; });
  }, []);
  const Page = revisionPage.value;
  return Page ? <Page /> : <p class="loading">{t(lang.value, 'view.revision')}…</p>;
}

const menuOpen = signal(false);

/** One compact toolbar: the actions inline on a desktop; behind one menu button on a phone. */
function Toolbar({ l }: { l: Lang }) {
  const file = useRef<HTMLInputElement>(null);
  const open = menuOpen.value;
  const act = (f: () => void) => () => { menuOpen.value = false; f(); };
  return (
    <div class="toolbar-wrap">
      <button type="button" class="menu-toggle" data-action="menu" aria-expanded={open} aria-controls="toolbar"
        onClick={() => { menuOpen.value = !open; }}>⋯ <span class="sr-only">{t(l, 'menu')}</span></button>
      <div id="toolbar" class={open ? 'toolbar open' : 'toolbar'} role="toolbar" aria-label={t(l, 'appName')}
        onKeyDown={(e) => { if (e.key === 'Escape') menuOpen.value = false; }}>
        <button type="button" data-action="new" onClick={act(() => { if (mayDiscard('confirmNew')) { loadCase({}); notice.value = ''; } })}>{t(l, 'newCase')}</button>
        <button type="button" data-action="open" onClick={act(() => { if (mayDiscard('confirmOpen')) file.current?.click(); })}>{t(l, 'open')}</button>
        <button type="button" data-action="save" onClick={act(saveCase)}>{t(l, 'save')}</button>
        <button type="button" data-action="copy-note" onClick={act(() => void copyNote())}>{t(l, 'copyNote')}</button>
        <button type="button" data-action="copy" onClick={act(() => void copyText())}>{t(l, 'copyReport')}</button>
        <button type="button" data-action="print" onClick={act(() => { view.value = 'case'; answerOpen.value = true; requestAnimationFrame(() => window.print()); })}>{t(l, 'print')}</button>
      </div>
      <input ref={file} type="file" accept="application/json,.json" class="sr-only" tabIndex={-1} aria-hidden="true" data-action="open-file"
        onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void openCase(f); e.currentTarget.value = ''; }} />
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
  // No lost work: leaving the page with unsaved changes asks first (nothing is kept in the browser).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent): void => {
      if (!dirty.value) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const onCase = view.value === 'case';
  return (
    <>
      <a class="skip" href={onCase ? '#answer' : '#main'}>{t(l, onCase ? 'skip' : 'skipMain')}</a>
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
              <span class="long">{t(l, `view.${v}`)}</span><span class="short" aria-hidden="true">{t(l, `view.${v}.short`)}</span>
            </button>
          ))}
        </nav>
        <Toolbar l={l} />
      </div>
      <p class="notice" role="status" aria-live="polite" data-testid="notice">{notice.value}</p>
      <main id="main" tabIndex={-1}>
        <p class="print-only print-date">{t(l, 'printedOn')} {today()}</p>
        {view.value === 'case' && (
          <div class="case-view">
            <CaseForm />
            <div class="result-col"><AnswerCard /><ResultPanel /><Inputs l={l} /></div>
          </div>
        )}
        {view.value === 'flowcharts' && <Flowcharts />}
        {view.value === 'tables' && <Tables />}
        {view.value === 'revision' && <Revision />}
      </main>
      <footer class="privacy"><p>{t(l, 'privacy')}</p></footer>
    </>
  );
}
