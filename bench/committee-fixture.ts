import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A throwaway git repository holding a tree's src/ and the committee's test revision as real commits: the
// performance gate at KPS 60 instead of 70, and one new statement at the clinical signs step for raised pressure;
// and, beside it, the same threshold changed only in a helper of derive (no declaration changes).
// Used by test/committee/cli.test.ts and bench/impact.ts; never shipped.

export const NEW_RULE = 'committee.fixture-icp';

/** `code`: from base, only the KPS threshold of performance() in facts.ts (a helper of derive) at 60 instead of 70. */
export interface FixtureRepo { readonly base: string; readonly fixture: string; readonly broken: string; readonly code: string }

/** The one edit of the `code` revision (test/committee/code.test.ts checks it is the only difference). */
export const CODE_EDIT = { file: 'src/guideline/facts.ts', from: "vote('kps', p.kps >= 70);", to: "vote('kps', p.kps >= 60);" } as const;

export function makeFixtureRepo(repo: string, root: string): FixtureRepo {
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args],
    { cwd: repo, encoding: 'utf8' }).trim();
  const edit = (file: string, from: string, to: string): void => {
    const p = join(repo, file);
    const s = readFileSync(p, 'utf8');
    if (!s.includes(from)) throw new Error(`fixture: ${file} no longer contains ${from}`);
    writeFileSync(p, s.replace(from, to));
  };
  const commit = (msg: string): string => { git('add', '-A'); git('commit', '-qm', msg); return git('rev-parse', 'HEAD'); };
  cpSync(join(root, 'src'), join(repo, 'src'), { recursive: true });
  git('init', '-q');
  const base = commit('base: this tree');
  edit('src/guideline/predicates.ts',
    "perf70: p('KPS ≥ 70 (or fully independent in ADL)', 'KPS ≥ 70 (of volledig zelfstandig in ADL)', ['perf70'], (f) => f.perf70),",
    "perf70: p('KPS ≥ 60 (or fully independent in ADL)', 'KPS ≥ 60 (of volledig zelfstandig in ADL)', ['perf70', 'kps'], (f) => (f.kps !== null ? f.kps >= 60 : f.perf70)),");
  edit('src/guideline/flowcharts.ts', "'prog.epidemiology'], next: 'dx.csf-read'", `'prog.epidemiology', '${NEW_RULE}'], next: 'dx.csf-read'`);
  edit('src/guideline/model.ts', '...FOLLOW_UP_RULES],', `...FOLLOW_UP_RULES, {
      id: '${NEW_RULE}', kind: 'inform', group: 'diagnosis', priority: 95, when: ['raisedIcp'], ids: ['DX-SUSPECT'], section: 'Toelichting diagnostiek 1',
      text: { nl: 'Testregel: tekenen van verhoogde druk vastgelegd.', en: 'Test rule: signs of raised pressure recorded.' },
      rationale: { nl: 'Alleen voor de commissietest.', en: 'For the committee test only.' },
    }],`);
  const fixture = commit('fixture: KPS gate 60, one new rule');
  edit('src/guideline/model.ts', 'export const GUIDELINE =', 'const GUIDELINE =');
  const broken = commit('broken: no GUIDELINE export');
  git('checkout', '-q', '--detach', base);
  edit(CODE_EDIT.file, CODE_EDIT.from, CODE_EDIT.to);
  const code = commit('code: KPS threshold 60 in performance() only');
  git('checkout', '-q', '--detach', base);
  return { base, fixture, broken, code };
}
