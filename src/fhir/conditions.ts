// Condition → primary tumour (SNOMED CT, ICD-10), breast histology, symptoms; LM and brain metastases are reported.
import type { Condition, Extension } from '@medplum/fhirtypes';
import type { PrimaryTumour } from '../index.js';
import { BREAST_HISTOLOGY, HISTOLOGY_EXTENSION, LOCAL_SYMPTOMS, PRIMARY_ICD10, PRIMARY_SNOMED, SECONDARY_ICD10, SYSTEM } from './codes.js';
import { candidate, codeKey, codings, conceptLabel, matchCode } from './read.js';
import type { Ctx } from './resolve.js';
import { issue } from './types.js';

export interface PrimaryValue {
  readonly tumour: PrimaryTumour;
  /** verificationStatus: confirmed (diagnosed), suspected (provisional, differential, unconfirmed) or not stated. */
  readonly verification: 'confirmed' | 'suspected' | 'unstated';
}

const ICD_SYSTEMS: readonly string[] = [SYSTEM.icd10, SYSTEM.icd10cm, SYSTEM.icd10nl];

export function readCondition(c: Condition, ref: string, ctx: Ctx): void {
  const verification = codings(c.verificationStatus)[0]?.code;
  const clinical = codings(c.clinicalStatus)[0]?.code;
  if (verification === 'entered-in-error' || verification === 'refuted') {
    ctx.issues.push(issue('info', 'not-applicable', ref, `${ref} is ${verification}; not used.`, `${ref} is ${verification}; niet gebruikt.`));
    return;
  }
  if (codings(c.code).length === 0) {
    ctx.issues.push(issue('warning', 'no-code', ref, `${ref} has no coded diagnosis (${conceptLabel(c.code)}); not used.`, `${ref} heeft geen gecodeerde diagnose (${conceptLabel(c.code)}); niet gebruikt.`));
    return;
  }
  const date = c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate;
  if (readSecondary(c, ref, ctx)) return;
  const symptom = codings(c.code).find((k) => k.system === SYSTEM.local && (LOCAL_SYMPTOMS as readonly string[]).includes(k.code ?? ''));
  if (symptom) {
    if (clinical && clinical !== 'active' && clinical !== 'recurrence' && clinical !== 'relapse') {
      ctx.issues.push(issue('info', 'inactive-symptom', ref, `${ref}: symptom ${symptom.code} is ${clinical}; not counted as present.`, `${ref}: symptoom ${symptom.code} is ${clinical}; niet als aanwezig geteld.`));
    } else ctx.draft.addList('symptoms', candidate(symptom.code, ref, codeKey(symptom), date));
    return;
  }
  const primary = primaryOf(c, ref, ctx);
  if (primary === undefined) return;
  const suspected = verification === 'provisional' || verification === 'differential' || verification === 'unconfirmed';
  const value: PrimaryValue = { tumour: primary.tumour, verification: suspected ? 'suspected' : verification === 'confirmed' ? 'confirmed' : 'unstated' };
  ctx.draft.add('primaryTumour', candidate(value, ref, primary.code, date));
  if (primary.tumour === 'breast') readHistology(c, ref, date, ctx);
}

function primaryOf(c: Condition, ref: string, ctx: Ctx): { tumour: PrimaryTumour; code: string } | undefined {
  const s = matchCode(c.code, PRIMARY_SNOMED);
  if (s) return { tumour: s.tumour, code: codeKey(s) };
  for (const k of codings(c.code)) {
    if (!ICD_SYSTEMS.includes(k.system ?? '') || typeof k.code !== 'string') continue;
    const norm = k.code.replace('.', '').toUpperCase();
    const hit = PRIMARY_ICD10.find((p) => norm.startsWith(p.prefix));
    if (!hit) continue;
    if (hit.tumour === 'lung') {
      ctx.issues.push(issue('warning', 'lung-histology-unknown', ref,
        `${ref}: lung cancer (${k.code}) without histology; NSCLC or SCLC must be entered.`,
        `${ref}: longkanker (${k.code}) zonder histologie; NSCLC of SCLC moet worden ingevuld.`));
      return undefined;
    }
    if (hit.prefix === 'C62') {
      ctx.issues.push(issue('info', 'assumed-germ-cell', ref, `${ref}: testicular cancer (${k.code}) read as a germ-cell tumour; check.`, `${ref}: testiskanker (${k.code}) gelezen als kiemceltumor; controleer.`));
    }
    return { tumour: hit.tumour, code: codeKey(k) };
  }
  ctx.issues.push(issue('info', 'unmapped-code', ref, `${ref}: diagnosis ${conceptLabel(c.code)} is not one LeptoGuide reads.`, `${ref}: diagnose ${conceptLabel(c.code)} wordt door LeptoGuide niet gelezen.`));
  return undefined;
}

/** LM and brain metastases are reported, never copied: LeptoGuide derives the diagnosis from the findings. */
function readSecondary(c: Condition, ref: string, ctx: Ctx): boolean {
  const lm = matchCode(c.code, SECONDARY_ICD10.lm);
  const brain = matchCode(c.code, SECONDARY_ICD10.brain);
  const either = matchCode(c.code, SECONDARY_ICD10.brainOrMeninges);
  const hit = lm ?? brain ?? either;
  if (!hit) return false;
  const [code, en, nl] = lm
    ? ['lm-condition', 'leptomeningeal metastases are recorded', 'leptomeningeale metastasen staan geregistreerd']
    : brain
      ? ['brain-metastases-condition', 'brain metastases are recorded; enter the MRI findings', 'hersenmetastasen staan geregistreerd; vul de MRI-bevindingen in']
      : ['brain-or-meninges-condition', 'metastases of brain or meninges (ICD-10 C79.3 does not tell which) are recorded', 'metastasen van hersenen of hersenvliezen (ICD-10 C79.3 zegt niet welke) staan geregistreerd'];
  ctx.issues.push(issue('info', code, ref,
    `${ref}: ${en} (${hit.code}); LeptoGuide derives certainty and type from the findings, not from this code.`,
    `${ref}: ${nl} (${hit.code}); LeptoGuide leidt zekerheid en type af uit de bevindingen, niet uit deze code.`));
  return true;
}

function readHistology(c: Condition, ref: string, date: string | undefined, ctx: Ctx): void {
  const ext = (c.extension ?? []).find((e: Extension) => e.url === HISTOLOGY_EXTENSION);
  const h = matchCode(ext?.valueCodeableConcept, BREAST_HISTOLOGY);
  if (h) ctx.draft.add('markers.breastHistology', candidate(h.histology, ref, codeKey(h), date));
  else if (ext) ctx.draft.add('markers.breastHistology', candidate('other', ref, codeKey(codings(ext.valueCodeableConcept)[0] ?? {}), date));
}
