// Screenshots of the web app's main views (desktop 1280×900, phone 375×812) into docs/screenshots/.
// Run after `npm run build`: node scripts/web-screenshots.js
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const web = join(root, 'dist/web');
const out = join(root, 'docs/screenshots');
const example = join(root, 'docs/examples/1-breast-her2-confirmed.json');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = normalize(join(web, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(web) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };
for (const [name, viewport] of Object.entries(sizes)) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.locator('input[data-action="open-file"]').setInputFiles(example);
  await page.locator('[data-testid="result"][data-category="1"]').waitFor();
  await page.locator('li.rec details').first().evaluate((d) => { d.open = true; });
  await page.screenshot({ path: join(out, `case-${name}.png`) });
  if (name === 'phone') {
    await page.locator('#result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `result-${name}.png`) });
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
