// Web UI strings: every key in both languages, non-empty, same placeholders; every vocabulary value labelled.
import { describe, expect, it } from 'vitest';
import { MRI_FINDINGS, PRIMARY_TUMOURS, SYMPTOMATIC_LOCATIONS, SYMPTOMS, SYSTEMIC_STATUS, THERAPY_CLASSES } from '../../src/index.js';
import { VALUES, WEB } from '../../web/src/i18n.js';
import { REV } from '../../web/src/revision/i18n.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('web i18n parity', () => {
  it.each([['app', WEB], ['revision page', REV]] as const)('%s: the same keys in nl and en, all non-empty, same placeholders', (_name, dict) => {
    const d = dict as Readonly<Record<'nl' | 'en', Readonly<Record<string, string>>>>;
    expect(Object.keys(d.en).sort()).toEqual(Object.keys(d.nl).sort());
    for (const [k, nl] of Object.entries(d.nl)) {
      const en = d.en[k]!;
      expect(nl.trim(), k).not.toBe('');
      expect(en.trim(), k).not.toBe('');
      expect(placeholders(en), k).toEqual(placeholders(nl));
    }
  });

  it('labels every value of the case vocabularies in both languages', () => {
    const all = [
      ...PRIMARY_TUMOURS, ...SYMPTOMS, ...MRI_FINDINGS, ...THERAPY_CLASSES, ...SYMPTOMATIC_LOCATIONS, ...SYSTEMIC_STATUS,
      'brain', 'spine', 'positive', 'negative', 'equivocal', 'not-done', 'mutant', 'wild-type', 'raised', 'normal', 'ductal', 'lobular', 'other',
    ];
    for (const v of all) {
      expect(VALUES[v]?.nl, v).toBeTruthy();
      expect(VALUES[v]?.en, v).toBeTruthy();
    }
  });
});
