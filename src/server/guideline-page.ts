// GET /guideline?section=…&lang=nl|en: one guideline section as a page a clinician can read (the CDS cards' source
// link): its recommendations with rationale, requirement IDs and literature. Static HTML, no script, CSP 'self'.
import { Hono } from 'hono';
import { GUIDELINE, MODEL, REQUIREMENTS, type Lang } from '../index.js';
import { notFound } from './errors.js';
import { langOf } from './lang.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  nl: { title: 'Richtlijnsectie', rationale: 'Onderbouwing', ids: 'Eisen', refs: 'Literatuur', json: 'Als data (JSON)', app: 'LeptoGuide openen', none: 'Geen aanbevelingen in deze sectie; eisen', all: 'Secties' },
  en: { title: 'Guideline section', rationale: 'Rationale', ids: 'Requirements', refs: 'References', json: 'As data (JSON)', app: 'Open LeptoGuide', none: 'No recommendations in this section; requirements', all: 'Sections' },
} as const;

/** The sections that have rules or requirements. */
export function guidelineSections(): string[] {
  return [...new Set([...MODEL.rules.map((r) => r.section), ...REQUIREMENTS.map((r) => r.section)])].sort();
}

export function guidelinePage(section: string | undefined, lang: Lang): string {
  const t = TEXT[lang];
  const head = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<meta name="referrer" content="no-referrer"><title>${esc(section ?? t.all)} — LeptoGuide</title></head><body><main>`;
  const source = `<p>${esc(GUIDELINE.title[lang])} (${esc(GUIDELINE.publisher)}, ${esc(GUIDELINE.version)})</p>`;
  const foot = `<p><a href="./">${t.app}</a></p></main></body></html>`;
  if (section === undefined) {
    const items = guidelineSections().map((s) => `<li><a href="guideline?section=${encodeURIComponent(s)}&amp;lang=${lang}">${esc(s)}</a></li>`).join('');
    return `${head}<h1>${t.all}</h1>${source}<ul>${items}</ul>${foot}`;
  }
  const rules = MODEL.rules.filter((r) => r.section === section);
  const requirements = REQUIREMENTS.filter((r) => r.section === section);
  if (!rules.length && !requirements.length) throw notFound('No such guideline section');
  const body = rules.map((r) => `<article id="${esc(r.id)}"><h2>${esc(r.text[lang])}</h2>`
    + `<p><strong>${t.rationale}:</strong> ${esc(r.rationale[lang])}</p>`
    + `<p><strong>${t.ids}:</strong> ${esc(r.ids.join(', '))}${r.refs?.length ? `; <strong>${t.refs}:</strong> ${esc(r.refs.join(', '))}` : ''}</p></article>`).join('');
  const only = rules.length ? '' : `<p>${t.none}: ${esc(requirements.map((r) => r.id).join(', '))}</p>`;
  return `${head}<h1>${t.title}: ${esc(section)}</h1>${source}${body}${only}`
    + `<p><a href="api/guideline?section=${encodeURIComponent(section)}">${t.json}</a></p>${foot}`;
}

export function guidelinePageRoutes(): Hono {
  const app = new Hono();
  app.get('/guideline', (c) => c.html(guidelinePage(c.req.query('section'), langOf(c))));
  return app;
}
