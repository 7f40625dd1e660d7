// The knowledge diff as a committee reads it: each declaration added, removed or changed, with its section and IDs;
// texts as word diffs, lists as what came and went, other fields as was → becomes.
import { Fragment } from 'preact';
import type { Change, FieldChange, KnowledgeDiff, Lang } from '../../../src/index.js';
import { t } from './i18n.js';

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function FieldRow({ f, l }: { f: FieldChange; l: Lang }) {
  let body;
  if (f.words) {
    body = (
      <span class="words">{f.words.map((w, i) => (
        <Fragment key={i}>{i > 0 && ' '}{w.op === 'added' ? <ins>{w.text}</ins> : w.op === 'removed' ? <del>{w.text}</del> : <span>{w.text}</span>}</Fragment>
      ))}</span>
    );
  } else if (f.items) {
    body = (
      <span>
        {f.items.added.length > 0 && <span>{t(l, 'revItemsAdded')}: {f.items.added.map((x) => <ins key={x}>{x}</ins>)}</span>}
        {f.items.added.length > 0 && f.items.removed.length > 0 && '; '}
        {f.items.removed.length > 0 && <span>{t(l, 'revItemsRemoved')}: {f.items.removed.map((x) => <del key={x}>{x}</del>)}</span>}
        {f.items.added.length === 0 && f.items.removed.length === 0 && <span>{t(l, 'revBefore')}: {show(f.before)} · {t(l, 'revAfter')}: {show(f.after)}</span>}
      </span>
    );
  } else {
    body = <span><del>{show(f.before) || t(l, 'revEmpty')}</del> → <ins>{show(f.after) || t(l, 'revEmpty')}</ins></span>;
  }
  return <li data-field={f.field}><code>{f.field}</code>: {body}</li>;
}

function ChangeItem({ c, l }: { c: Change; l: Lang }) {
  return (
    <li class={`rev-change rev-${c.change}`} data-change={c.change} data-part={c.part} data-id={c.id}>
      <p class="rev-change-head">
        <span class="rev-tag">{t(l, `change.${c.change}`)}</span> {t(l, `part.${c.part}`)} <code>{c.id}</code>
        {c.section && <span class="rev-section"> — {c.section}</span>}
        {c.ids.length > 0 && <span class="ids"> [{c.ids.join(', ')}]</span>}
        {c.part === 'code' && <span class="rev-section" data-testid="rev-code-effect"> — {t(l, 'revCodeEffect')}</span>}
      </p>
      {c.fields && c.fields.length > 0 && <ul class="rev-fields">{c.fields.map((f) => <FieldRow key={f.field} f={f} l={l} />)}</ul>}
    </li>
  );
}

export function DiffView({ d, l }: { d: KnowledgeDiff; l: Lang }) {
  return (
    <section class="card rev-diff" aria-labelledby="rev-diff-h" data-testid="rev-diff">
      <h2 id="rev-diff-h">{t(l, 'revDiffH')}</h2>
      {d.changes.length === 0
        ? <p data-testid="rev-no-changes">{t(l, 'revNoChanges')}</p>
        : (
          <>
            <p>{t(l, 'revDiffCount', { n: d.changes.length, base: d.base.contentHash, head: d.head.contentHash })}</p>
            <ul class="rev-changes">{d.changes.map((c) => <ChangeItem key={`${c.part}:${c.id}`} c={c} l={l} />)}</ul>
          </>
        )}
    </section>
  );
}
