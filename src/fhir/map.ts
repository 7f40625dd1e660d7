// FHIR R4 (Bundle or CDS Hooks prefetch) → a LeptoGuide case, the source of every filled field, and what could not be used.
import type { Condition, MedicationRequest, MedicationStatement, Observation, Patient, Resource } from '@medplum/fhirtypes';
import type { Case } from '../guideline/case-schema.js';
import type { ParseResult } from '../guideline/parse.js';
import { build } from './build.js';
import { readCondition } from './conditions.js';
import { collect, type FhirInput } from './input.js';
import { readMedication } from './medications.js';
import { readObservation } from './observations.js';
import { timeOf } from './read.js';
import { Draft, type Ctx } from './resolve.js';
import { issue, type Entry, type Issues, type MapIssue, type Source } from './types.js';

export interface MapOptions {
  /** Evaluation date (YYYY-MM-DD): later results are ignored, older performance scores flagged. */
  readonly asOf?: string;
}

/**
 * Case fields that are the clinician's judgement: no FHIR resource carries them (no zib, no US Core or mCODE profile).
 * They are never filled from a record and never defaulted; the pre-filled form marks them "to be judged by you".
 */
export const CLINICIAN_JUDGEMENTS = [
  'severeEncephalopathy', 'severeNeurologicalDeficit', 'systemicDisease.status', 'systemicDisease.threatening', 'resistanceToTherapy',
] as const;

export interface MapResult {
  readonly case: Case;
  /** Case field path (as parseCase names it, e.g. performance.kps, lumbarPunctures[0].protein) → where it came from. */
  readonly sources: Record<string, Source>;
  readonly issues: MapIssue[];
  /** The clinician's judgements the record cannot supply (CLINICIAN_JUDGEMENTS): to be entered by the user. */
  readonly judge: readonly string[];
}

/**
 * Pure: no I/O, no clock. Never throws on bad input; every resource either fills a field or is reported.
 * `validate` checks the built case (the full entry passes `parseCase`: a guard against a mapping bug; a field it
 * rejects is left out and reported). Without it (the zod-free entry `leptoguide/fhir-core`) the case is returned as built.
 */
export function mapFhirWith(input: FhirInput, options: MapOptions = {}, validate?: (c: unknown) => ParseResult): MapResult {
  const issues: Issues = [];
  const entries = collect(input, issues);
  const ctx: Ctx = { draft: new Draft(), issues, index: new Map(entries.map((e) => [e.ref, e.resource])) };
  const asOfTime = timeOf(options.asOf);
  const asOfEnd = asOfTime === undefined ? undefined : asOfTime + (options.asOf?.length === 10 ? 86_400_000 - 1 : 0);
  if (entries.length === 0) {
    issues.push(issue('info', 'no-resources', undefined, 'The input holds no FHIR resources; the case is empty.', 'De invoer bevat geen FHIR-resources; de casus is leeg.'));
  }
  const patients = entries.filter((e) => e.resource.resourceType === 'Patient');
  if (patients.length > 1) {
    issues.push(issue('warning', 'several-patients', undefined,
      `The input holds ${patients.length} patients; only resources of ${patients[0]?.ref} are read.`,
      `De invoer bevat ${patients.length} patiënten; alleen resources van ${patients[0]?.ref} worden gelezen.`));
  }
  for (const e of entries) {
    try {
      readEntry(e, ctx, patients[0]?.ref, asOfEnd);
    } catch (err) {
      issues.push(issue('error', 'unreadable-resource', e.ref, `${e.ref} could not be read (${String(err)}); skipped.`, `${e.ref} kon niet worden gelezen (${String(err)}); overgeslagen.`));
    }
  }
  const built = build(ctx.draft, issues, asOfEnd);
  const result = validate ? checked(built.case, built.sources, issues, validate) : built;
  reportUnused(entries, result.sources, issues);
  return { case: result.case, sources: result.sources, issues, judge: CLINICIAN_JUDGEMENTS.filter((f) => !(f in result.sources)) };
}

function readEntry(e: Entry, ctx: Ctx, patient: string | undefined, asOfEnd: number | undefined): void {
  const r = e.resource;
  if (!subjectMatches(r, patient)) {
    ctx.issues.push(issue('warning', 'other-patient', e.ref, `${e.ref} is about another patient; not used.`, `${e.ref} gaat over een andere patiënt; niet gebruikt.`));
    return;
  }
  switch (r.resourceType) {
    case 'Observation':
      if (!isCoded(r)) return malformed(e, ctx, 'Observation without status or code', 'Observation zonder status of code');
      return readObservation(r, e.ref, ctx);
    case 'Condition':
      if (!isCoded(r)) return malformed(e, ctx, 'Condition without code', 'Condition zonder code');
      return readCondition(r, e.ref, ctx);
    case 'MedicationStatement':
    case 'MedicationRequest':
      return readMedication(r, e.ref, ctx, asOfEnd);
    case 'Patient':
      if ((r as Patient).deceasedBoolean === true || (r as Patient).deceasedDateTime) {
        ctx.issues.push(issue('warning', 'deceased', e.ref, `${e.ref} is recorded as deceased.`, `${e.ref} staat als overleden geregistreerd.`));
      }
      return;
    case 'Medication':
    case 'Specimen':
      return;
    default:
      ctx.issues.push(issue('info', 'unsupported-type', e.ref, `${r.resourceType} is not read by LeptoGuide.`, `${r.resourceType} wordt door LeptoGuide niet gelezen.`));
  }
}

function isCoded(r: Observation | Condition): boolean {
  const codeOk = typeof r.code === 'object' && r.code !== null && !Array.isArray(r.code);
  return r.resourceType === 'Observation' ? codeOk && typeof r.status === 'string' : codeOk;
}

function malformed(e: Entry, ctx: Ctx, en: string, nl: string): void {
  ctx.issues.push(issue('error', 'malformed-resource', e.ref, `${e.ref}: ${en}; skipped.`, `${e.ref}: ${nl}; overgeslagen.`));
}

function subjectMatches(r: Resource, patient: string | undefined): boolean {
  if (!patient) return true;
  const subject = (r as Observation | Condition | MedicationStatement | MedicationRequest).subject?.reference;
  if (r.resourceType === 'Patient') return `Patient/${r.id ?? '?'}` === patient || r.id === undefined;
  return typeof subject !== 'string' || subject === patient || subject.endsWith(`/${patient}`) || subject.startsWith('urn:');
}

/** The produced case must pass parseCase; a field that does not is removed and reported (a bug guard). */
function checked(
  c: Case, sources: Record<string, Source>, issues: Issues, parseCase: (c: unknown) => ParseResult,
): { case: Case; sources: Record<string, Source> } {
  const parsed = parseCase(c);
  if (parsed.ok) return { case: parsed.case, sources };
  const fields = parsed.errors.map((e) => e.field);
  issues.push(issue('error', 'invalid-case-field', undefined,
    `Mapped fields rejected by the case schema and left out: ${fields.join(', ')}.`,
    `Gemapte velden afgewezen door het casusschema en weggelaten: ${fields.join(', ')}.`));
  const top = new Set(fields.map((f) => f.split(/[.[]/)[0] ?? f));
  const kept = Object.fromEntries(Object.entries(c).filter(([k]) => !top.has(k)));
  const reparsed = parseCase(kept);
  return {
    case: reparsed.ok ? reparsed.case : {},
    sources: Object.fromEntries(Object.entries(sources).filter(([k]) => !top.has(k.split(/[.[]/)[0] ?? k))),
  };
}

/** Every resource either supplied a field or appears in an issue; the rest are reported as read without facts. */
function reportUnused(entries: readonly Entry[], sources: Record<string, Source>, issues: Issues): void {
  const mentioned = new Set([...Object.values(sources).map((s) => s.resource), ...issues.map((i) => i.resource)]);
  for (const e of entries) {
    if (mentioned.has(e.ref)) continue;
    issues.push(issue('info', 'no-facts', e.ref, `${e.ref} was read; it fills no case field.`, `${e.ref} is gelezen; het vult geen casusveld.`));
  }
}
