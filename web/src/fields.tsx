// Form controls. Each wraps its input in an element with data-field (the case path) and data-kind,
// shows the field's errors inline, and a source badge when the value was pre-filled.
import type { ComponentChildren } from 'preact';
import { fieldErrors, fieldValue, lang, setField, sources, toJudge } from './state.js';
import { t, valueLabel, type WebKey } from './i18n.js';

export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function Errors({ path }: { path: string }) {
  const list = fieldErrors.value.get(path);
  if (!list?.length) return null;
  return (
    <div class="field-error" id={`${fieldId(path)}-err`} role="alert">
      {list.map((m) => <p key={m.nl}><span aria-hidden="true">⚠ </span>{m[lang.value]}</p>)}
    </div>
  );
}

function Source({ path }: { path: string }) {
  const s = sources.value[path];
  if (!s) {
    return toJudge.value.has(path) && fieldValue(path) === undefined
      ? <span class="source-badge judge" data-judge={path}>{t(lang.value, 'toJudge')}</span> : null;
  }
  const code = s.code ? ` ${s.code}` : '';
  const date = s.date ? ` · ${s.date}` : '';
  return <span class="source-badge" data-source={path}>{t(lang.value, 'source')}: {s.resource}{code}{date}</span>;
}

interface Base { path: string; label?: string; labelKey?: WebKey }
function labelOf(p: Base): string {
  return p.label ?? t(lang.value, p.labelKey ?? (p.path as WebKey));
}
function describedBy(path: string): string | undefined {
  return fieldErrors.value.get(path)?.length ? `${fieldId(path)}-err` : undefined;
}

function Group(p: Base & { kind: string; children: ComponentChildren }) {
  const invalid = fieldErrors.value.has(p.path);
  return (
    <fieldset class={invalid ? 'field invalid' : 'field'} data-field={p.path} data-kind={p.kind} id={fieldId(p.path)} tabIndex={-1}
      aria-describedby={describedBy(p.path)}>
      <legend>{labelOf(p)} <Source path={p.path} /></legend>
      {p.children}
      <Errors path={p.path} />
    </fieldset>
  );
}

/**
 * Yes / no / unknown: unknown is an answer, and the default. With `implied`, the other answers already give the
 * value when the field is left out (e.g. a named primary tumour is diagnosed): it is shown, and "unknown" is not offered.
 */
export function Tri(p: Base & { implied?: boolean }) {
  const raw = fieldValue(p.path);
  const v = raw === undefined ? p.implied : raw;
  const l = lang.value;
  const name = fieldId(p.path);
  const opt = (value: 'yes' | 'no' | 'unknown', val: boolean | undefined) => (
    <label class="choice">
      <input type="radio" name={name} value={value} checked={v === val} onChange={() => setField(p.path, val)} />
      {t(l, value)}
    </label>
  );
  return (
    <Group {...p} kind="tri">
      <div class="tri">{opt('yes', true)}{opt('no', false)}{p.implied === undefined && opt('unknown', undefined)}</div>
    </Group>
  );
}

/** A closed list; the empty choice is "unknown". */
export function Choice(p: Base & { options: readonly (string | number)[]; text?: (o: string | number) => string }) {
  const v = fieldValue(p.path);
  const l = lang.value;
  const text = p.text ?? ((o: string | number) => valueLabel(l, String(o)));
  const invalid = fieldErrors.value.has(p.path);
  return (
    <div class={invalid ? 'field invalid' : 'field'} data-field={p.path} data-kind="choice">
      <label for={fieldId(p.path)}>{labelOf(p)}</label> <Source path={p.path} />
      <select id={fieldId(p.path)} aria-invalid={invalid || undefined} aria-describedby={describedBy(p.path)}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          const o = p.options.find((x) => String(x) === raw);
          setField(p.path, o);
        }}>
        <option value="" selected={v === undefined}>— {t(l, 'unknown')} —</option>
        {p.options.map((o) => <option key={o} value={String(o)} selected={v === o}>{text(o)}</option>)}
      </select>
      <Errors path={p.path} />
    </div>
  );
}

/** Present items of a list. Nothing ticked = unknown; "none of these" = an empty list. */
export function Multi(p: Base & { options: readonly string[]; none?: boolean }) {
  const v = fieldValue(p.path);
  const list = Array.isArray(v) ? (v as string[]) : undefined;
  const l = lang.value;
  const toggle = (o: string, on: boolean): void => {
    const next = on ? [...(list ?? []), o] : (list ?? []).filter((x) => x !== o);
    setField(p.path, next.length ? p.options.filter((x) => next.includes(x)) : undefined);
  };
  return (
    <Group {...p} kind="multi">
      <div class="checks">
        {p.options.map((o) => (
          <label class="choice" key={o}>
            <input type="checkbox" value={o} checked={list?.includes(o) ?? false} onChange={(e) => toggle(o, e.currentTarget.checked)} />
            {valueLabel(l, o)}
          </label>
        ))}
        {p.none !== false && (
          <label class="choice none">
            <input type="checkbox" value="none" checked={list !== undefined && list.length === 0}
              onChange={(e) => setField(p.path, e.currentTarget.checked ? [] : undefined)} />
            {t(l, 'noneOfThese')}
          </label>
        )}
      </div>
    </Group>
  );
}

const typed = new Map<string, string>();
function shown(path: string, v: unknown): string {
  const raw = typed.get(path);
  if (raw !== undefined && (raw === v || Number(raw.trim().replace(',', '.')) === v)) return raw;
  return v === undefined ? '' : String(v);
}

/** A number as typed; text that is not a number is kept so the schema names the error at the field. */
export function Num(p: Base) {
  const v = fieldValue(p.path);
  const invalid = fieldErrors.value.has(p.path);
  return (
    <div class={invalid ? 'field invalid' : 'field'} data-field={p.path} data-kind="num">
      <label for={fieldId(p.path)}>{labelOf(p)}</label> <Source path={p.path} />
      <input id={fieldId(p.path)} type="text" inputMode="decimal" autoComplete="off" value={shown(p.path, v)}
        aria-invalid={invalid || undefined} aria-describedby={describedBy(p.path)}
        onInput={(e) => {
          typed.set(p.path, e.currentTarget.value);
          const raw = e.currentTarget.value.trim().replace(',', '.');
          setField(p.path, raw === '' ? undefined : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : e.currentTarget.value);
        }} />
      <Errors path={p.path} />
    </div>
  );
}

export function DateField(p: Base) {
  const v = fieldValue(p.path);
  const invalid = fieldErrors.value.has(p.path);
  return (
    <div class={invalid ? 'field invalid' : 'field'} data-field={p.path} data-kind="date">
      <label for={fieldId(p.path)}>{labelOf(p)}</label> <Source path={p.path} />
      <input id={fieldId(p.path)} type="date" value={typeof v === 'string' ? v : ''} aria-invalid={invalid || undefined}
        aria-describedby={describedBy(p.path)} onInput={(e) => setField(p.path, e.currentTarget.value || undefined)} />
      <Errors path={p.path} />
    </div>
  );
}
