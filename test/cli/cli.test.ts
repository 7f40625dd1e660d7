import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI as a user meets it: exit codes, messages naming the field, both languages, never a stack trace.
const BIN = join(import.meta.dirname, '../../bin/leptoguide.js');
const dir = mkdtempSync(join(tmpdir(), 'leptoguide-cli-'));

function cli(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const noTrace = (s: string): void => expect(s).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

describe('leptoguide evaluate', () => {
  const good = file('good.json', JSON.stringify({
    primaryTumour: 'breast', markers: { her2: 'positive' }, symptoms: ['headache'], mri: { done: true, findings: ['nodular'] },
    lumbarPunctures: [{ cytology: 'positive' }], performance: { kps: 80 }, severeEncephalopathy: false, severeNeurologicalDeficit: false,
    systemicDisease: { status: 'controlled' }, resistanceToTherapy: false, raisedIcpSigns: false, therapies: { current: [], progressedOn: [] },
  }));
  it('prints a Dutch report by default with IDs in brackets', () => {
    const r = cli(['evaluate', good, '--as-of', '2026-11-26']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('BEHANDELADVIES');
    expect(r.out).toContain('Te doen:');
    expect(r.out).toContain('[TX-CATEGORY-1]');
    expect(r.out).toContain('[TX-BREAST]');
  });
  it('prints English with --lang en and markdown with --format markdown', () => {
    const r = cli(['evaluate', good, '--lang', 'en', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Treatment advice');
    expect(r.out).toContain('**To do**');
    expect(r.out).toContain('Category');
  });
  it('prints JSON with the ids, category, type and certainty', () => {
    const r = cli(['evaluate', good, '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(j.category).toBe(1);
    expect(j.diagnosis).toMatchObject({ certainty: 'confirmed', eanoType: 'IB' });
    expect(j.ids).toContain('TX-RT-FOCAL');
    expect(typeof j.recommendations[0].text).toBe('string');
  });
  it('reads the case from stdin with -', () => {
    const r = cli(['evaluate', '-', '--format', 'json'], '{"primaryTumour":"haematological"}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).scope).toBe('out-of-scope');
  });
  const bad: [string, string, RegExp, RegExp][] = [
    ['not JSON', '{oops', /Geen geldige JSON/, /Not valid JSON/],
    ['KPS 75', '{"performance":{"kps":75}}', /performance\.kps: moet een veelvoud zijn van 10/, /performance\.kps: must be a multiple of 10/],
    ['KPS 0', '{"performance":{"kps":0}}', /performance\.kps: moet minstens 10/, /performance\.kps: must be at least 10/],
    ['wrong type', '{"severeEncephalopathy":"yes"}', /severeEncephalopathy: verwacht ja\/nee/, /severeEncephalopathy: expected yes\/no/],
    ['unknown enum', '{"primaryTumour":"glioma"}', /primaryTumour: onbekende waarde/, /primaryTumour: unknown value/],
    ['unknown field', '{"kps":70}', /kps: onbekend veld/, /kps: unknown field/],
    ['bad date', '{"assessmentDate":"2026-02-30"}', /assessmentDate: ongeldige datum/, /assessmentDate: invalid date/],
    ['nested enum', '{"lumbarPunctures":[{"cytology":"maybe"}]}', /lumbarPunctures\[0\]\.cytology/, /lumbarPunctures\[0\]\.cytology/],
  ];
  for (const [name, content, nl, en] of bad) {
    it(`rejects ${name} with exit 2, naming the field in the chosen language`, () => {
      const p = file(`${name.replace(/\W/g, '-')}.json`, content);
      const a = cli(['evaluate', p]);
      expect(a.code).toBe(2);
      expect(a.err).toMatch(nl);
      noTrace(a.err);
      const b = cli(['evaluate', p, '--lang', 'en']);
      expect(b.code).toBe(2);
      expect(b.err).toMatch(en);
    });
  }
  it('reports a missing file with exit 2', () => {
    const r = cli(['evaluate', join(dir, 'nope.json'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('File not found');
    noTrace(r.err);
  });
  it('reports a contradiction naming both fields, still printing the result, exit 2', () => {
    const p = file('contra.json', '{"performance":{"kps":50,"adlIndependent":true}}');
    const r = cli(['evaluate', p, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).errors[0].fields).toEqual(['performance.kps', 'performance.adlIndependent']);
    expect(r.err).toContain('performance.kps + performance.adlIndependent');
  });
  it('gives JSON errors on stdout for schema errors with --format json', () => {
    const p = file('kps75.json', '{"performance":{"kps":75}}');
    const r = cli(['evaluate', p, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).errors[0]).toMatchObject({ field: 'performance.kps', code: 'not_multiple_of' });
  });
  it('rejects unknown options and bad option values with exit 2', () => {
    expect(cli(['evaluate', good, '--colour', 'red']).code).toBe(2);
    expect(cli(['evaluate', good, '--format', 'pdf']).code).toBe(2);
    expect(cli(['evaluate', good, '--lang', 'de']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
  });
});

describe('other commands', () => {
  it('schema prints a JSON Schema of the case', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.properties.performance.properties.kps).toMatchObject({ minimum: 10, maximum: 100, multipleOf: 10 });
    expect(s.additionalProperties).toBe(false);
  });
  it('flowchart prints Mermaid and SVG, highlighting a case path', () => {
    const m = cli(['flowchart', 'treatment']);
    expect(m.code).toBe(0);
    expect(m.out).toMatch(/^flowchart TD/);
    const p = file('path.json', '{"primaryTumour":"nsclc","markers":{"egfr":"mutant"},"lumbarPunctures":[{"cytology":"positive"}],"performance":{"kps":40}}');
    const s = cli(['flowchart', 'treatment', '--format', 'svg', '--case', p, '--lang', 'en']);
    expect(s.code).toBe(0);
    expect(s.out).toContain('<svg');
    expect(s.out).toContain('tx.exception-step');
    expect(cli(['flowchart', 'nope']).code).toBe(2);
  });
  it('requirements prints the traceability matrix without gaps', () => {
    const r = cli(['requirements', '--format', 'json']);
    expect(JSON.parse(r.out).gaps).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('hostile case files', () => {
  const ok = file('ok.json', '{"primaryTumour":"breast"}');
  it('--as-of must be a calendar date: 2026-02-30 is exit 2', () => {
    const r = cli(['evaluate', ok, '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of 2026-02-30');
    expect(cli(['flowchart', 'treatment', '--case', ok, '--as-of', '2025-02-29']).code).toBe(2);
    expect(cli(['evaluate', ok, '--as-of', '2028-02-29']).code).toBe(0);
  });
  it('duplicate keys are exit 2 naming the field, in the chosen language', () => {
    const dup = file('dup.json', '{"performance":{"kps":75,"kps":80}}');
    const nl = cli(['evaluate', dup]);
    expect(nl.code).toBe(2);
    expect(nl.err).toContain('performance.kps: sleutel staat er twee keer in');
    expect(cli(['evaluate', dup, '--lang', 'en']).err).toContain('performance.kps: key given twice');
    noTrace(nl.err);
  });
  it('deep nesting is exit 2 without a stack overflow', () => {
    const r = cli(['evaluate', '-', '--lang', 'en'], `{"symptoms":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('JSON nested deeper than 64 levels');
  });
  it('a file over the size limit (as for HTTP bodies, BODY_LIMIT_BYTES) is refused at once, exit 2', () => {
    const big = file('big.json', `{"primaryTumour":"breast","pad":"${'x'.repeat(1_100_000)}"}`);
    const t0 = performance.now();
    const r = cli(['evaluate', big, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/File too large .*> 1048576/);
    expect(performance.now() - t0).toBeLessThan(5000);
    const stdin = cli(['evaluate', '-', '--lang', 'en'], readFileSync(big, 'utf8'));
    expect(stdin.code).toBe(2);
    expect(stdin.err).toMatch(/File too large/);
    const small = spawnSync('node', [BIN, 'evaluate', ok], { encoding: 'utf8', env: { ...process.env, BODY_LIMIT_BYTES: '10' } });
    expect(small.status).toBe(2);
  });
});
