import type {
  Case, LumbarPuncture, MriFinding, PrimaryTumour, Symptom, TherapyClass,
} from '../src/guideline/case-schema.js';
import { parseCase } from '../src/guideline/parse.js';

// A deterministic cohort of realistic, schema-valid LM cases for the benchmark.
// Weights are rough clinical proportions, not data: they only need to exercise
// the same paths, in about the same mix, as a clinic would.

export const COHORT_SIZE = 100_000;
export const SEED = 20260926;
export const AS_OF = '2026-11-26';

export type Rng = () => number;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weights<T> = readonly (readonly [T, number])[];

function weighted<T>(r: Rng, table: Weights<T>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

const chance = (r: Rng, p: number): boolean => r() < p;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const round = (x: number, digits: number): number => Number(x.toFixed(digits));
/** The value, or undefined (unknown) with probability p. */
const orUnknown = <T>(r: Rng, p: number, v: T): T | undefined => (chance(r, p) ? undefined : v);

/** Dates up to AS_OF, oldest first; DATES[DATES.length - 1] is the day before AS_OF. */
const DATES: readonly string[] = Array.from({ length: 120 }, (_, i) =>
  new Date(Date.UTC(2026, 10, 26) - (120 - i) * 86_400_000).toISOString().slice(0, 10));

const TUMOURS: Weights<PrimaryTumour> = [
  ['breast', 35], ['nsclc', 30], ['melanoma', 15], ['sclc', 8],
  ['other-solid', 6], ['germ-cell', 1], ['primary-brain', 3], ['haematological', 2],
];

const SYMPTOM_RATE: readonly (readonly [Symptom, number])[] = [
  ['headache', 0.4], ['nausea-vomiting', 0.25], ['confusion', 0.2], ['ataxia', 0.15], ['cranial-nerve-deficit', 0.3],
  ['radicular-syndrome', 0.15], ['radicular-pain', 0.15], ['cauda-equina', 0.08], ['visual-complaints', 0.1],
];

const KPS: Weights<number> = [[100, 3], [90, 10], [80, 18], [70, 22], [60, 18], [50, 12], [40, 8], [30, 5], [20, 3], [10, 1]];

function markers(r: Rng, t: PrimaryTumour): Case['markers'] {
  if (t === 'breast') {
    return {
      her2: orUnknown(r, 0.1, chance(r, 0.25) ? 'positive' : 'negative'),
      hormoneReceptors: orUnknown(r, 0.1, chance(r, 0.6) ? 'positive' : 'negative'),
      breastHistology: orUnknown(r, 0.2, weighted(r, [['ductal', 70], ['lobular', 25], ['other', 5]] as const)),
    };
  }
  if (t === 'melanoma') return { brafV600: orUnknown(r, 0.1, chance(r, 0.45) ? 'mutant' : 'wild-type') };
  if (t !== 'nsclc') return undefined;
  const egfr = chance(r, 0.35);
  const alk = !egfr && chance(r, 0.1);
  const kras = !egfr && !alk && chance(r, 0.15);
  const pdl1 = weighted(r, [[0, 30], [int(r, 1, 49), 35], [int(r, 50, 100), 35]]);
  return {
    egfr: orUnknown(r, 0.15, egfr ? 'mutant' : 'wild-type'),
    alk: orUnknown(r, 0.2, alk ? 'positive' : 'negative'),
    krasG12c: orUnknown(r, 0.4, kras ? 'mutant' : 'wild-type'),
    pdl1Tps: orUnknown(r, 0.2, pdl1),
  };
}

function symptoms(r: Rng): Symptom[] | undefined {
  if (chance(r, 0.05)) return undefined;
  return SYMPTOM_RATE.filter(([, p]) => chance(r, p)).map(([s]) => s);
}

function mriFindings(r: Rng, t: PrimaryTumour): MriFinding[] {
  const pattern = weighted(r, [['A', 45], ['B', 15], ['C', 15], ['D', 20], ['D-hydro', 5]] as const);
  const out: MriFinding[] = [];
  if (pattern === 'A' || pattern === 'C') {
    const linear = (['linear-sulcal', 'cerebellar-folia', 'cranial-nerve', 'spinal-roots'] as const).filter(() => chance(r, 0.45));
    out.push(...(linear.length ? linear : ['linear-sulcal' as const]));
  }
  if (pattern === 'B' || pattern === 'C') out.push('nodular');
  if (pattern === 'D-hydro' || chance(r, 0.05)) out.push('hydrocephalus');
  if (chance(r, t === 'melanoma' || t === 'nsclc' ? 0.45 : 0.3)) out.push('brain-metastases');
  if (chance(r, 0.03)) out.push('epidural-extension');
  return out;
}

function mri(r: Rng, t: PrimaryTumour | undefined, date: string): Case['mri'] {
  const kind = weighted(r, [['none', 5], ['not-done', 5], ['done', 90]] as const);
  if (kind === 'none') return undefined;
  if (kind === 'not-done') return { done: false };
  const regions = weighted(r, [[['brain'], 40], [['brain', 'spine'], 45], [['spine'], 15]] as const);
  return { done: true, date: orUnknown(r, 0.3, date), regions: [...regions], findings: mriFindings(r, t ?? 'other-solid') };
}

function puncture(r: Rng, t: PrimaryTumour | undefined, first: boolean, date: string | undefined, nsclc: Case['markers']): LumbarPuncture {
  const cytology = first
    ? weighted(r, [['positive', 55], ['negative', 28], ['equivocal', 12], ['not-done', 5]] as const)
    : weighted(r, [['positive', 40], ['negative', 45], ['equivocal', 15]] as const);
  const lp: LumbarPuncture = {
    date,
    cytology,
    leukocytes: orUnknown(r, 0.1, chance(r, 0.5) ? int(r, 0, 4) : int(r, 5, 120)),
    protein: orUnknown(r, 0.1, round(0.2 + r() * r() * 3, 2)),
    glucose: orUnknown(r, 0.15, round(1 + r() * 3.5, 1)),
    openingPressure: chance(r, 0.4) ? int(r, 8, 45) : undefined,
  };
  if (t === 'germ-cell' || chance(r, 0.02)) {
    lp.afp = chance(r, 0.3) ? 'raised' : 'normal';
    lp.betaHcg = chance(r, 0.3) ? 'raised' : 'normal';
  }
  if (t === 'breast' && chance(r, 0.2)) lp.ctc = chance(r, 0.6) ? 'positive' : 'negative';
  if (t === 'nsclc' && chance(r, 0.25)) {
    lp.molecular = { egfr: nsclc?.egfr ?? (chance(r, 0.35) ? 'mutant' : 'wild-type'), alk: nsclc?.alk ?? 'negative' };
  }
  return lp;
}

function punctures(r: Rng, t: PrimaryTumour | undefined, firstDay: number, m: Case['markers']): LumbarPuncture[] | undefined {
  if (chance(r, 0.05)) return undefined;
  const n = weighted(r, [[0, 30], [1, 50], [2, 20]]);
  const days = [firstDay + int(r, 0, 10), firstDay + int(r, 11, 30)];
  return Array.from({ length: n }, (_, i) => puncture(r, t, i === 0, orUnknown(r, 0.3, DATES[days[i]!]), m));
}

/** KPS, with ADL and ECOG sometimes recorded too (consistent, bar ~1% disagreeing). */
function performance(r: Rng): Case['performance'] {
  const kps = weighted(r, KPS);
  const ecog = kps >= 90 ? 0 : kps >= 70 ? 1 : kps >= 50 ? 2 : kps >= 30 ? 3 : 4;
  const adl = chance(r, 0.01) ? kps < 70 : kps >= 70;
  if (chance(r, 0.1)) return chance(r, 0.5) ? { adlIndependent: adl } : { ecog };
  if (chance(r, 0.03)) return undefined;
  return {
    kps,
    adlIndependent: chance(r, 0.3) ? adl : undefined,
    ecog: chance(r, 0.2) ? ecog : undefined,
  };
}

function systemicDisease(r: Rng): Case['systemicDisease'] {
  const status = weighted(r, [
    ['absent', 8], ['controlled', 32], ['progressive-with-options', 35], ['progressive-without-options', 15], [undefined, 10],
  ] as const);
  if (status === 'progressive-with-options') return { status, threatening: orUnknown(r, 0.2, chance(r, 0.5)) };
  if (status === undefined) return chance(r, 0.5) ? undefined : { threatening: chance(r, 0.3) };
  const threatening = status === 'progressive-without-options';
  return { status, threatening: chance(r, 0.5) ? threatening : undefined };
}

/** Drug classes a patient with this tumour (and these markers) plausibly had. */
function lines(t: PrimaryTumour | undefined, m: Case['markers']): TherapyClass[] {
  switch (t) {
    case 'breast': return [
      ...(m?.her2 === 'positive' ? ['her2-directed' as const] : []),
      ...(m?.hormoneReceptors === 'positive' ? ['hormonal-therapy' as const] : []),
      'capecitabine', 'chemotherapy'];
    case 'nsclc': return [
      ...(m?.egfr === 'mutant' ? ['egfr-tki' as const] : m?.alk === 'positive' ? ['alk-tki' as const] : []),
      ...(m?.krasG12c === 'mutant' ? ['kras-g12c-inhibitor' as const] : []),
      'chemo-immunotherapy', 'checkpoint-inhibitor'];
    case 'melanoma': return [...(m?.brafV600 === 'mutant' ? ['braf-mek-inhibitor' as const] : []), 'checkpoint-inhibitor'];
    case 'sclc': case 'germ-cell': case 'other-solid': return ['chemotherapy'];
    default: return [];
  }
}

function therapies(r: Rng, t: PrimaryTumour | undefined, m: Case['markers']): Case['therapies'] {
  if (chance(r, 0.2)) return undefined;
  const done = lines(t, m).filter(() => chance(r, 0.5));
  const progressedOn = done.filter(() => chance(r, 0.6));
  const current = done.filter((x) => !progressedOn.includes(x));
  return { current, progressedOn };
}

const LOCATION: Partial<Record<Symptom, 'cranial-nerve' | 'radicular' | 'cauda-equina'>> = {
  'cranial-nerve-deficit': 'cranial-nerve', 'radicular-syndrome': 'radicular', 'radicular-pain': 'radicular', 'cauda-equina': 'cauda-equina',
};

/** One patient. Fields left undefined are unknown; JSON round-trip drops them. */
export function makeCase(r: Rng): Case {
  const tumour = chance(r, 0.02) ? undefined : weighted(r, TUMOURS);
  const m = tumour ? markers(r, tumour) : undefined;
  const firstDay = int(r, 0, 80);
  const scan = mri(r, tumour, DATES[firstDay]!);
  const sx = symptoms(r);
  const brainMets = scan?.findings?.includes('brain-metastases') ?? false;
  const kpsLow = (p: Case['performance']): boolean => (p?.kps ?? 70) < 50;
  const perf = performance(r);
  const locations = sx && chance(r, 0.15) ? [...new Set(sx.flatMap((s) => LOCATION[s] ?? []))] : undefined;
  const c: Case = {
    assessmentDate: chance(r, 0.1) ? AS_OF : undefined,
    primaryTumour: tumour,
    knownCancer: tumour && chance(r, 0.1) ? chance(r, 0.7) : undefined,
    markers: m,
    symptoms: sx,
    symptomsExplainedByBrainMetastases: brainMets && sx?.length ? orUnknown(r, 0.2, chance(r, 0.4)) : undefined,
    highClinicalSuspicion: orUnknown(r, 0.15, chance(r, 0.7)),
    mri: scan,
    lumbarPunctures: punctures(r, tumour, firstDay, m),
    leptomeningealBiopsy: weighted(r, [[undefined, 92], ['not-done', 7], ['positive', 0.7], ['negative', 0.3]] as const),
    performance: perf,
    severeEncephalopathy: orUnknown(r, 0.1, chance(r, kpsLow(perf) ? 0.35 : 0.05)),
    severeNeurologicalDeficit: orUnknown(r, 0.1, chance(r, kpsLow(perf) ? 0.4 : 0.08)),
    systemicDisease: systemicDisease(r),
    resistanceToTherapy: orUnknown(r, 0.15, chance(r, 0.25)),
    therapies: therapies(r, tumour, m),
    symptomaticLocations: locations?.length ? locations : undefined,
    raisedIcpSigns: orUnknown(r, 0.15, chance(r, 0.12)),
  };
  return JSON.parse(JSON.stringify(c)) as Case;
}

export function makeCohort(n = COHORT_SIZE, seed = SEED): Case[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => makeCase(r));
}

/** Parses every k-th case with the real schema; returns the invalid ones with their errors. */
export function invalidCases(cases: readonly Case[], sample: number): { index: number; errors: string[] }[] {
  const step = Math.max(1, Math.floor(cases.length / sample));
  const bad: { index: number; errors: string[] }[] = [];
  for (let i = 0; i < cases.length; i += step) {
    const p = parseCase(cases[i]);
    if (!p.ok) bad.push({ index: i, errors: p.errors.map((e) => `${e.field}: ${e.message.en}`) });
  }
  return bad;
}
