// Screenshots of the web app's main views (desktop 1366×900, phone 375×800) into docs/screenshots/, the answer card in view.
// Run after `npm run build`: node scripts/web-screenshots.js
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serveStatic } from '../dist/bench/browser.js';

const root = join(import.meta.dirname, '..');
const web = join(root, 'dist/web');
const out = join(root, 'docs/screenshots');
const example = join(root, 'docs/examples/1-breast-her2-confirmed.json');

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
  await page.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
