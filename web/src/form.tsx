// The guided case form, in the order a clinician thinks. Only questions that matter for the case are shown.
import {
  KPS_SCALE, MRI_FINDINGS, PRIMARY_TUMOURS, SYMPTOMATIC_LOCATIONS, SYMPTOMS, SYSTEMIC_STATUS, THERAPY_CLASSES,
} from '../../src/index.js';
import { Choice, DateField, Multi, Num, Tri, fieldId } from './fields.js';
import { t, type WebKey } from './i18n.js';
import { csfMolecularFor, draft, lang, markersFor, setField, solidPrimary } from './state.js';
import type { ComponentChildren } from 'preact';

const POS_NEG = ['positive', 'negative'] as const;
const MUT_WT = ['mutant', 'wild-type'] as const;
const MARKER_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  her2: POS_NEG, hormoneReceptors: POS_NEG, breastHistology: ['ductal', 'lobular', 'other'], brafV600: MUT_WT,
  egfr: MUT_WT, alk: POS_NEG, krasG12c: MUT_WT,
};

function Section(p: { id: string; title: WebKey; children: ComponentChildren }) {
  return (
    <section class="form-section" aria-labelledby={`${p.id}-h`}>
      <h2 id={`${p.id}-h`}>{t(lang.value, p.title)}</h2>
      {p.children}
    </section>
  );
}

function Markers() {
  const entered = Object.keys((draft.value.markers as object | undefined) ?? {});
  const keys = [...new Set([...markersFor(draft.value.primaryTumour), ...entered])];
  if (!keys.length) return null;
  return (
    <div class="grid">
      {keys.map((k) => (k === 'pdl1Tps' ? <Num key={k} path="markers.pdl1Tps" />
        : k === 'noDriverFound' ? <Tri key={k} path="markers.noDriverFound" />
          : <Choice key={k} path={`markers.${k}`} options={MARKER_OPTIONS[k] ?? []} />))}
    </div>
  );
}

function Symptoms() {
  const symptoms = draft.value.symptoms;
  const none = Array.isArray(symptoms) && symptoms.length === 0;
  return (
    <Section id="sec-symptoms" title="sec.symptoms">
      <Multi path="symptoms" options={SYMPTOMS} />
      {(!none || draft.value.symptomsExplainedByBrainMetastases !== undefined) && <Tri path="symptomsExplainedByBrainMetastases" />}
      <Tri path="highClinicalSuspicion" />
    </Section>
  );
}

function Mri() {
  const mri = draft.value.mri as {
    done?: boolean; findings?: unknown; regions?: unknown; date?: unknown; hydrocephalusType?: unknown; brainMetastasesMassEffect?: unknown;
  } | undefined;
  const details = mri?.done !== false || mri.findings !== undefined || mri.regions !== undefined || mri.date !== undefined;
  const seen = (f: string): boolean => Array.isArray(mri?.findings) && (mri.findings as string[]).includes(f);
  return (
    <Section id="sec-mri" title="sec.mri">
      <Tri path="mri.done" />
      {details && (
        <>
          <Multi path="mri.findings" options={MRI_FINDINGS} />
          {(seen('hydrocephalus') || mri?.hydrocephalusType !== undefined) && (
            <Choice path="mri.hydrocephalusType" options={['communicating', 'obstructive']} />
          )}
          {(seen('brain-metastases') || mri?.brainMetastasesMassEffect !== undefined) && <Tri path="mri.brainMetastasesMassEffect" />}
          <div class="grid">
            <Multi path="mri.regions" options={['brain', 'spine']} none={false} />
            <DateField path="mri.date" />
          </div>
        </>
      )}
    </Section>
  );
}

function Puncture({ i }: { i: number }) {
  const l = lang.value;
  const p = (k: string): string => `lumbarPunctures[${i}].${k}`;
  const primary = draft.value.primaryTumour;
  const lp = (draft.value.lumbarPunctures as Record<string, unknown>[])[i] ?? {};
  const markers = primary === undefined || primary === 'germ-cell' || lp.afp !== undefined || lp.betaHcg !== undefined;
  // CSF circulating tumour cells are a breast-cancer test (DX-CTC); no other primary is asked for them.
  const ctc = primary === undefined || primary === 'breast' || lp.ctc !== undefined;
  const molecular = [...new Set([...csfMolecularFor(primary), ...Object.keys((lp.molecular as object | undefined) ?? {})])];
  const remove = (): void => {
    const list = (draft.value.lumbarPunctures as unknown[]).filter((_x, j) => j !== i);
    setField('lumbarPunctures', list.length ? list : undefined);
  };
  return (
    <div class="card lp" data-lp={i}>
      <div class="card-head">
        <h3>{t(l, 'lpN', { n: i + 1 })}</h3>
        <button type="button" class="quiet" onClick={remove} aria-label={`${t(l, 'remove')}: ${t(l, 'lpN', { n: i + 1 })}`}>{t(l, 'remove')}</button>
      </div>
      <div class="grid">
        <Choice path={p('cytology')} labelKey="lp.cytology" options={['positive', 'negative', 'equivocal', 'not-done']} />
        <DateField path={p('date')} labelKey="lp.date" />
        <Num path={p('leukocytes')} labelKey="lp.leukocytes" />
        <Num path={p('protein')} labelKey="lp.protein" />
        <Num path={p('glucose')} labelKey="lp.glucose" />
        <Num path={p('openingPressure')} labelKey="lp.openingPressure" />
        {markers && <Choice path={p('afp')} labelKey="lp.afp" options={['raised', 'normal']} />}
        {markers && <Choice path={p('betaHcg')} labelKey="lp.betaHcg" options={['raised', 'normal']} />}
        {ctc && <Choice path={p('ctc')} labelKey="lp.ctc" options={POS_NEG} />}
        {molecular.map((k) => (
          <Choice key={k} path={p(`molecular.${k}`)} labelKey={`lp.molecular.${k}` as WebKey} options={MARKER_OPTIONS[k] ?? []} />
        ))}
      </div>
    </div>
  );
}

function Punctures() {
  const l = lang.value;
  const raw = draft.value.lumbarPunctures;
  const list = Array.isArray(raw) ? raw : undefined;
  const add = (): void => {
    setField('lumbarPunctures', [...(list ?? []), {}]);
    const n = list?.length ?? 0;
    requestAnimationFrame(() => document.getElementById(fieldId(`lumbarPunctures[${n}].cytology`))?.focus());
  };
  return (
    <Section id="sec-lp" title="sec.lp">
      <div class="field" data-field="lumbarPunctures" data-kind="lp" id={fieldId('lumbarPunctures')} tabIndex={-1}>
        {(!list || list.length === 0) && (
          <label class="choice">
            <input type="checkbox" value="none" checked={list?.length === 0} onChange={(e) => setField('lumbarPunctures', e.currentTarget.checked ? [] : undefined)} />
            {t(l, 'noLp')}
          </label>
        )}
      </div>
      {list?.map((_lp, i) => <Puncture key={i} i={i} />)}
      <button type="button" class="add" data-action="add-lp" onClick={add}>+ {t(l, 'addLp')}</button>
      <Choice path="leptomeningealBiopsy" options={['positive', 'negative', 'not-done']} />
    </Section>
  );
}

function Kps() {
  const l = lang.value;
  return (
    <div class="kps">
      <Choice path="performance.kps" options={KPS_SCALE.map((s) => s.score)}
        text={(o) => `${o} — ${KPS_SCALE.find((s) => s.score === o)?.text[l] ?? ''}`} />
      <details class="kps-table">
        <summary>{t(l, 'kpsTable')}</summary>
        <table>
          <tbody>{KPS_SCALE.map((s) => <tr key={s.score}><th scope="row">{s.score}</th><td>{s.text[l]}</td></tr>)}</tbody>
        </table>
      </details>
    </div>
  );
}

function Clinical() {
  const status = (draft.value.systemicDisease as { status?: string; threatening?: boolean } | undefined);
  // "Threatening" decides only progressive disease with options: absent, controlled and without options answer it.
  const threat = status?.status === 'progressive-with-options' || status?.threatening !== undefined;
  return (
    <Section id="sec-clinical" title="sec.clinical">
      <Kps />
      <div class="grid">
        <Tri path="performance.adlIndependent" />
        <Choice path="performance.ecog" options={[0, 1, 2, 3, 4]} text={(o) => String(o)} />
      </div>
      <div class="grid">
        <Tri path="severeEncephalopathy" />
        <Tri path="severeNeurologicalDeficit" />
      </div>
      <Choice path="systemicDisease.status" options={SYSTEMIC_STATUS} />
      {threat && <Tri path="systemicDisease.threatening" />}
      <Tri path="resistanceToTherapy" />
      <Multi path="therapies.current" options={THERAPY_CLASSES} />
      <Multi path="therapies.progressedOn" options={THERAPY_CLASSES} />
      <Tri path="raisedIcpSigns" />
      <Multi path="symptomaticLocations" options={SYMPTOMATIC_LOCATIONS} />
    </Section>
  );
}

export function CaseForm() {
  return (
    <form class="case-form" aria-label={t(lang.value, 'caseForm')} onSubmit={(e) => e.preventDefault()}>
      <Section id="sec-primary" title="sec.primary">
        <Choice path="primaryTumour" options={PRIMARY_TUMOURS} />
        <Markers />
        {(solidPrimary(draft.value.primaryTumour) || draft.value.primaryTumour === undefined || draft.value.knownCancer !== undefined) && (
          <Tri path="knownCancer" implied={solidPrimary(draft.value.primaryTumour) ? true : undefined} />
        )}
        <DateField path="assessmentDate" />
      </Section>
      <Symptoms />
      <Mri />
      <Punctures />
      <Clinical />
    </form>
  );
}
