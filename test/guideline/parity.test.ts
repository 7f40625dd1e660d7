import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGS, type Text } from '../../src/engine/types.js';
import { CHECKS } from '../../src/guideline/checks.js';
import { MODEL } from '../../src/guideline/model.js';
import { schemaMessage } from '../../src/i18n/schema-messages.js';
import { UI } from '../../src/i18n/ui.js';

// Dutch is the language of record; every text must exist in both languages.
function collect(value: unknown, out: Text[] = []): Text[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, out));
  else if (value && typeof value === 'object') {
    if ('nl' in value && 'en' in value) out.push(value as Text);
    else Object.values(value).forEach((v) => collect(v, out));
  }
  return out;
}

describe('language parity', () => {
  it('UI strings: same keys, none empty', () => {
    expect(Object.keys(UI.en).sort()).toEqual(Object.keys(UI.nl).sort());
    for (const lang of LANGS) expect(Object.entries(UI[lang]).filter(([, v]) => !v.trim())).toEqual([]);
  });
  it('every text of the knowledge base is present in Dutch and English', () => {
    const texts = collect([MODEL.rules, MODEL.tables, MODEL.flowcharts, MODEL.facts, MODEL.predicates, CHECKS]);
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.filter((t) => !t.nl?.trim() || !t.en?.trim())).toEqual([]);
  });
  it('recommendation texts are translated, not copied', () => {
    const same = MODEL.rules.filter((r) => r.text.nl === r.text.en && !r.text.nl.startsWith('KPS'));
    expect(same.map((r) => r.id)).toEqual([]);
  });
  it('schema messages exist in both languages for every issue code we meet', () => {
    const schema = z.strictObject({ n: z.number().int().min(10).max(100).multipleOf(10), e: z.enum(['a']), d: z.iso.date(), b: z.boolean() });
    const r = schema.safeParse({ n: 75, e: 'x', d: '2020-13-45', b: 'yes', extra: 1 });
    const r2 = schema.safeParse({ n: 5 });
    const issues = [...(r.error?.issues ?? []), ...(r2.error?.issues ?? [])];
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThanOrEqual(5);
    for (const i of issues) {
      const m = schemaMessage(i);
      expect(m.nl.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
      expect(m.nl).not.toBe(m.en);
    }
  });
});
