// Screenshots of the web app's main views (desktop 1366×900, phone 375×800) into docs/screenshots/, the answer card in view.
// Run after `npm run build`: node scripts/web-screenshots.js
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serveStatic } from '../dist/bench/browser.js';
import { exportKnowledge } from '../dist/src/committee/knowledge.js';
import { contentHash } from '../dist/src/engine/hash.js';
import { CODE_DIGEST } from '../dist/src/guideline/content-hash.js';
import { GUIDELINE, MODEL } from '../dist/src/guideline/model.js';

const root = join(import.meta.dirname, '..');
const web = join(root, 'dist/web');
const out = join(root, 'docs/screenshots');
const example = join(root, 'docs/examples/1-breast-her2-confirmed.json');

// The Revision page: this build's knowledge against an example revision (category 3 for every KPS < 70; one rule text and
// one node label reworded), over the treatment vignettes.
const base = exportKnowledge(MODEL, { guideline: GUIDELINE, code: CODE_DIGEST });
const d = structuredClone(base.declarations);
const category3 = d.tables.find((t) => t.id === 'table.category').rows.find((r) => r.id === 'category.3');
category3.when = category3.when.filter((c) => c !== 'progressiveNoOptions');
const rule = d.rules.find((r) => r.id === 'tx.category-1');
rule.text = { nl: `${rule.text.nl} Herzien door de commissie.`, en: `${rule.text.en} Revised by the committee.` };
const node = d.flowcharts.find((c) => c.id === 'treatment').nodes.find((n) => n.id === 'tx.performance');
node.label = { nl: `Prestatie: ${node.label.nl}`, en: `Performance: ${node.label.en}` };
const tmp = mkdtempSync(join(tmpdir(), 'lg-shots-'));
writeFileSync(join(tmp, 'knowledge-2022-09.json'), JSON.stringify(base));
writeFileSync(join(tmp, 'knowledge-voorstel.json'), JSON.stringify({ ...base, revision: 'voorstel', contentHash: contentHash(d), declarations: d }));
const vignettes = ['behandeling-categorieen.json', 'behandeling-performance.json', 'prognose-opvolging.json'].map((f) => join(root, 'test/vignettes', f));

const { server, url } = await serveStatic(web);
mkdirSync(out, { recursive: true });

const browser = await launch();
const sizes = { desktop: { width: 1366, height: 900 }, phone: { width: 375, height: 800 } };
for (const [name, viewport] of Object.entries(sizes)) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.locator('input[data-action="open-file"]').setInputFiles(example);
  await page.locator('[data-testid="result"][data-category="1"]').waitFor();
  await page.locator('li.rec details').first().evaluate((d) => { d.open = true; });
  await page.screenshot({ path: join(out, `case-${name}.png`) });
  if (name === 'phone') {
    // The answer card is a bottom sheet on a phone: one tap opens the whole answer.
    await page.locator('[data-action="answer-toggle"]').click();
    await page.screenshot({ path: join(out, `result-${name}.png`) });
    await page.locator('[data-action="answer-toggle"]').click();
  }
  await page.locator('[data-view="flowcharts"]').click();
  await page.locator('[data-chart="treatment"] g[data-node]').first().waitFor();
  const node = page.locator('[data-chart="treatment"] g.visited').nth(2);
  await node.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-chart="treatment"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, `flowchart-${name}.png`) });
  await page.locator('[data-view="tables"]').click();
  await page.screenshot({ path: join(out, `tables-${name}.png`) });
  await page.locator('[data-view="revision"]').click();
  await page.locator('input[data-action="knowledge-base"]').setInputFiles(join(tmp, 'knowledge-2022-09.json'));
  await page.locator('input[data-action="knowledge-head"]').setInputFiles(join(tmp, 'knowledge-voorstel.json'));
  await page.locator('input[data-action="cases-files"]').setInputFiles(vignettes);
  await page.locator('[data-testid="rev-impact-report"]').waitFor();
  await page.locator('[data-testid="rev-diff"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, `revision-${name}.png`), fullPage: name === 'desktop' });
  await page.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
