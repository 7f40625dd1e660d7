// The decision tables as HTML, for the guideline committee; the row that decided this case is marked.
import { MODEL, type Lang } from '../../src/index.js';
import { t } from './i18n.js';
import { lang, result } from './state.js';

type Cond = string | { readonly not: string };

function condText(c: Cond, l: Lang): string {
  const preds = MODEL.predicates as Readonly<Record<string, { label: { nl: string; en: string } }>>;
  const name = typeof c === 'string' ? c : c.not;
  const label = preds[name]?.label[l] ?? name;
  return typeof c === 'string' ? label : `${t(l, 'not')}: ${label}`;
}

export function Tables() {
  const l = lang.value;
  const traces = result.value.trace.tables;
  return (
    <div class="tables">
      <p class="intro">{t(l, 'tablesIntro')}</p>
      {MODEL.tables.map((table) => {
        const trace = traces.find((x) => x.table === table.id);
        const mark = (rowId: string): string => (trace?.decided && trace.row === rowId ? 'decided' : trace?.candidates.includes(rowId) && !trace.decided ? 'candidate' : '');
        const otherwiseDecided = trace?.decided && trace.row === null;
        return (
          <section key={table.id} class="table-wrap" aria-labelledby={`table-${table.id}`}>
            <h2 id={`table-${table.id}`}>{table.label[l]}</h2>
            <div class="scroll" tabIndex={0} role="region" aria-labelledby={`table-${table.id}`}>
              <table class="decision" data-table={table.id}>
                <thead><tr>
                  <th scope="col">{t(l, 'col.row')}</th><th scope="col">{t(l, 'col.when')}</th><th scope="col">{t(l, 'col.output')}</th>
                  <th scope="col">{t(l, 'col.ids')}</th><th scope="col">{t(l, 'col.section')}</th>
                </tr></thead>
                <tbody>
                  {table.rows.map((r) => {
                    const m = mark(r.id);
                    return (
                      <tr key={r.id} class={m} data-row={r.id}>
                        <th scope="row"><code>{r.id}</code>{m && <span class="row-mark"> ({t(l, m === 'decided' ? 'decidedRow' : 'candidateRow')})</span>}</th>
                        <td data-label={t(l, 'col.when')}>{r.when.length ? r.when.map((c) => condText(c, l)).join(' ∧ ') : t(l, 'always')}</td>
                        <td data-label={t(l, 'col.output')}>{r.label[l]}</td><td data-label={t(l, 'col.ids')}>{r.ids.join(', ')}</td>
                        <td data-label={t(l, 'col.section')}>{r.section}</td>
                      </tr>
                    );
                  })}
                  {table.otherwise && (
                    <tr class={otherwiseDecided ? 'decided' : ''}>
                      <th scope="row">{t(l, 'otherwise')}{otherwiseDecided && <span class="row-mark"> ({t(l, 'decidedRow')})</span>}</th>
                      <td data-label={t(l, 'col.when')}>—</td><td data-label={t(l, 'col.output')}>{table.otherwise.label[l]}</td>
                      <td data-label={t(l, 'col.ids')}>{table.ids.join(', ')}</td><td data-label={t(l, 'col.section')}>{table.section}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
