// Case input hardening in the library: plausible CSF values (field-named, nl + en), MRI not done but dated, and
// impossible evaluation dates as a typed error.
import { describe, expect, it } from 'vitest';
import { evaluate, InvalidAsOfError, isCalendarDate, parseCase, type Case } from '../../src/index.js';

describe('case plausibility', () => {
  it('refuses implausible CSF values, naming the field in both languages', () => {
    const lp = (v: Record<string, number>): unknown => ({ lumbarPunctures: [{ cytology: 'negative' }, v] });
    for (const [field, value] of [['leukocytes', 1e308], ['protein', 1e308], ['glucose', 1e308], ['openingPressure', 1e308], ['leukocytes', 100_001], ['protein', 51], ['glucose', 51], ['glucose', -1]] as const) {
      const r = parseCase(lp({ [field]: value }));
      expect(r.ok, `${field} ${value}`).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0]!.field).toBe(`lumbarPunctures[1].${field}`);
      expect(r.errors[0]!.message.nl).toMatch(/hoogstens|minstens/);
      expect(r.errors[0]!.message.en).toMatch(/at most|at least/);
    }
    expect(parseCase(lp({ leukocytes: 2500, protein: 4.2, glucose: 1.1, openingPressure: 35 })).ok).toBe(true);
  });

  it('flags mri.done false with an MRI date (check.mri-not-done-date, DX-MRI)', () => {
    const r = evaluate({ primaryTumour: 'breast', mri: { done: false, date: '2026-11-01' } } as Case, { asOf: '2026-11-26' });
    expect(r.errors.map((e) => [e.check, e.fields, e.ids])).toContainEqual(['check.mri-not-done-date', ['mri.done', 'mri.date'], ['DX-MRI']]);
    const ok = evaluate({ primaryTumour: 'breast', mri: { done: true, date: '2026-11-01' } } as Case, { asOf: '2026-11-26' });
    expect(ok.errors.map((e) => e.check)).not.toContain('check.mri-not-done-date');
  });
});

describe('evaluation date', () => {
  it('evaluate() throws InvalidAsOfError for an impossible or malformed asOf', () => {
    for (const asOf of ['garbage', '2026-02-30', '2025-02-29', '2026-13-01', '2026-1-1', '']) {
      expect(() => evaluate({}, { asOf }), asOf).toThrow(InvalidAsOfError);
    }
    expect(() => evaluate({}, { asOf: 42 as unknown as string })).toThrow(/calendar date/);
    expect(evaluate({}, { asOf: '2028-02-29' }).asOf).toBe('2028-02-29');
    expect(evaluate({}).asOf).toBeNull();
  });
  it('isCalendarDate knows leap years', () => {
    expect(['2024-02-29', '2000-02-29', '1999-12-31'].every(isCalendarDate)).toBe(true);
    expect(['1900-02-29', '2026-04-31', '2026-02-30'].some(isCalendarDate)).toBe(false);
  });
});
