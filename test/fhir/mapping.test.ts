// The mapping on realistic mCODE-style bundles, one or more per tumour type: the case, the sources, the reported choices.
import { describe, expect, it } from 'vitest';
import { evaluate, parseCase } from '../../src/index.js';
import { mapFhir } from '../../src/fhir/index.js';
import { AS_OF, bundleNames, codesOf, loadBundle, resourcesOf, silentlyDropped } from './support.js';

const map = (name: string) => mapFhir(loadBundle(name), { asOf: AS_OF });
const issuesAbout = (r: ReturnType<typeof map>, ref: string) => r.issues.filter((i) => i.resource === ref).map((i) => i.code);

describe('every test bundle', () => {
  it.each(bundleNames())('%s: parses as a case, keeps sources for real fields, drops nothing silently, evaluates', (name) => {
    const b = loadBundle(name);
    const r = mapFhir(b, { asOf: AS_OF });
    expect(parseCase(r.case).ok).toBe(true);
    expect(silentlyDropped(resourcesOf(b).map((x) => `${x.resourceType}/${x.id}`), r)).toEqual([]);
    for (const [path, s] of Object.entries(r.sources)) {
      expect(s.resource, path).toMatch(/^[A-Za-z]+\/[^/]+$/);
      expect(resourcesOf(b).some((x) => `${x.resourceType}/${x.id}` === s.resource), path).toBe(true);
    }
    for (const i of r.issues) {
      expect(i.message.nl.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
    expect(evaluate(r.case, { asOf: AS_OF }).guideline).toBeDefined();
  });
});

describe('breast', () => {
  it('HER2-positive: newest KPS wins over stale and conflicting ones, two punctures in date order, units converted', () => {
    const r = map('breast-her2-positive');
    expect(r.case).toEqual({
      primaryTumour: 'breast', knownCancer: true,
      markers: { her2: 'positive', hormoneReceptors: 'positive', breastHistology: 'ductal' },
      symptoms: ['headache', 'cranial-nerve-deficit'],
      mri: { done: true, date: '2026-11-15', regions: ['brain', 'spine'], findings: ['linear-sulcal', 'nodular'] },
      lumbarPunctures: [
        { date: '2026-11-12', cytology: 'negative', leukocytes: 3, protein: 0.45, glucose: 3.1 },
        { date: '2026-11-19', cytology: 'positive', leukocytes: 12, protein: 0.89, glucose: 2.22 },
      ],
      performance: { kps: 80 },
      therapies: { current: ['her2-directed'] },
    });
    expect(r.sources['performance.kps']).toEqual({ resource: 'Observation/breast-her2-kps-7', code: 'http://loinc.org|89243-0', date: '2026-11-20' });
    expect(r.sources['lumbarPunctures[1].cytology']?.resource).toBe('Observation/breast-her2-csf-cyto-19');
    expect(r.sources['markers.her2']?.code).toBe('http://loinc.org|48676-1');
    const overridden = r.issues.filter((i) => i.code === 'conflict-overridden').map((i) => i.resource);
    expect(overridden.sort()).toEqual(['Observation/breast-her2-kps-5', 'Observation/breast-her2-kps-6']);
    expect(issuesAbout(r, 'Condition/breast-her2-secondary-21')).toEqual(['lm-condition']);
    expect(issuesAbout(r, 'MedicationStatement/breast-her2-medstat-23')).toEqual(['not-current']);
    const result = evaluate(r.case, { asOf: AS_OF });
    expect(result.diagnosis.certainty).toBe('confirmed');
  });

  it('triple-negative lobular: ECOG only, equivocal cytology, resolved symptom not counted, MedicationRequest read', () => {
    const r = map('breast-triple-negative');
    expect(r.case).toMatchObject({
      primaryTumour: 'breast',
      markers: { her2: 'negative', hormoneReceptors: 'negative', breastHistology: 'lobular' },
      symptoms: ['radicular-pain'],
      lumbarPunctures: [{ date: '2026-11-16', cytology: 'equivocal', leukocytes: 5, protein: 0.62 }],
      performance: { ecog: 1 },
      therapies: { current: ['capecitabine'] },
    });
    expect(codesOf(r)).toContain('inactive-symptom');
    expect(codesOf(r)).toContain('receptors-combined');
  });
});

describe('NSCLC', () => {
  it('EGFR from a genomics variant; ALK and KRAS G12C absent; same-day conflicting ECOG left unknown; CSF liquid biopsy', () => {
    const r = map('nsclc-egfr');
    expect(r.case.markers).toEqual({ egfr: 'mutant', alk: 'negative', krasG12c: 'wild-type', pdl1Tps: 60 });
    expect(r.case.performance).toEqual({ kps: 50 });
    expect(r.case.lumbarPunctures).toEqual([{ date: '2026-11-22', leukocytes: 8, protein: 1.2, molecular: { egfr: 'mutant' } }]);
    expect(r.sources['lumbarPunctures[0].molecular.egfr']?.resource).toBe('Observation/nsclc-egfr-variant-13');
    expect(r.issues.filter((i) => i.code === 'conflict-unresolved').map((i) => i.resource).sort())
      .toEqual(['Observation/nsclc-egfr-ecog-7', 'Observation/nsclc-egfr-ecog-8']);
    const result = evaluate(r.case, { asOf: AS_OF });
    expect(result.diagnosis.certainty).toBe('probable');
    expect(result.missing.length).toBeGreaterThan(0); // systemic disease is not in the record
  });

  it('KRAS G12C: lung ICD-10 without histology reported, later PD-L1 wins, chemo-immunotherapy recognised', () => {
    const r = map('nsclc-kras-g12c');
    expect(r.case.primaryTumour).toBe('nsclc');
    expect(r.case.markers).toEqual({ egfr: 'wild-type', krasG12c: 'mutant', pdl1Tps: 55 });
    expect(r.case.therapies?.current).toEqual(['checkpoint-inhibitor', 'chemotherapy', 'chemo-immunotherapy']);
    expect(issuesAbout(r, 'Condition/nsclc-kras-primary-1')).toEqual(['lung-histology-unknown']);
    expect(issuesAbout(r, 'Observation/nsclc-kras-pdl1-5')).toEqual(['conflict-overridden']);
  });
});

describe('melanoma', () => {
  it('BRAF V600E; future and cancelled KPS not used; normal spine MRI is findings []', () => {
    const r = map('melanoma-braf-v600');
    expect(r.case).toMatchObject({
      primaryTumour: 'melanoma', knownCancer: true, markers: { brafV600: 'mutant' }, performance: { ecog: 1 },
      mri: { done: true, date: '2026-11-18', regions: ['spine'], findings: [] },
      therapies: { current: ['braf-mek-inhibitor'] },
    });
    expect(issuesAbout(r, 'Observation/melanoma-braf-kps-future')).toEqual(['future-date']);
    expect(issuesAbout(r, 'Observation/melanoma-braf-kps-12')).toEqual(['not-applicable']);
  });

  it('a non-V600 BRAF variant does not decide V600; an absent V600 does; stopped therapy is not current', () => {
    const r = map('melanoma-braf-wild-type');
    expect(r.case).toEqual({
      primaryTumour: 'melanoma', knownCancer: true, markers: { brafV600: 'wild-type' }, performance: { kps: 80 }, therapies: { current: ['checkpoint-inhibitor'] },
    });
    expect(issuesAbout(r, 'Observation/melanoma-wt-variant-2')).toEqual(['other-variant']);
    expect(issuesAbout(r, 'MedicationStatement/melanoma-wt-medstat-6')).toEqual(['not-current']);
  });
});

describe('SCLC and germ-cell', () => {
  it('a provisional diagnosis is a suspected primary (knownCancer false)', () => {
    const r = map('sclc-provisional');
    expect(r.case).toEqual({
      primaryTumour: 'sclc', knownCancer: false, symptoms: ['ataxia', 'nausea-vomiting'], performance: { kps: 40 }, therapies: { current: ['chemotherapy'] },
    });
    expect(r.sources.knownCancer?.resource).toBe('Condition/sclc-primary-1');
  });

  it('testicular cancer read as germ-cell (reported); CSF AFP raised by the reference range', () => {
    const r = map('germ-cell-afp');
    expect(r.case).toEqual({
      primaryTumour: 'germ-cell', knownCancer: true, performance: { kps: 90 },
      lumbarPunctures: [{ date: '2026-11-18', cytology: 'negative', leukocytes: 6, afp: 'raised' }],
    });
    expect(codesOf(r)).toContain('assumed-germ-cell');
  });
});

describe('without asOf', () => {
  it('nothing is future or stale; the newest still wins', () => {
    const r = mapFhir(loadBundle('melanoma-braf-v600'));
    expect(r.case.performance).toEqual({ ecog: 1, kps: 100 });
    expect(codesOf(r)).not.toContain('future-date');
  });

  it('an old performance score is flagged stale against asOf', () => {
    const r = mapFhir(loadBundle('breast-her2-positive'), { asOf: '2027-02-01' });
    expect(r.issues.find((i) => i.code === 'stale')?.resource).toBe('Observation/breast-her2-kps-7');
  });
});
