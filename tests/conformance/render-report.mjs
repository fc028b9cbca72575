// Renders an HTML report in Debian's headless Chromium (driven by playwright-core; no browser download) and prints
// what a person would see, as JSON: the page title, its visible text, every request the page made and every request
// that failed, console errors. Takes a full-page screenshot.
//
//   node render-report.mjs <report.html> <screenshot.png>
//
// Exit codes: 0 rendered; 2 bad arguments or no browser (the message says how to install it).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: node render-report.mjs <report.html> <screenshot.png>');
  process.exit(2);
}

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`Chromium is not installed at ${executablePath}. Install Debian's package: apt-get install -y chromium (./test.sh does this when run as root), or set CHROMIUM_PATH.`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // This machine's network is closed: without these, Chromium's own background connections fail at every start.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(resolve(report)).href;
  const requests = [];
  const failed = [];
  const consoleErrors = [];
  page.on('request', r => requests.push(r.url()));
  page.on('requestfailed', r => failed.push({ url: r.url(), error: r.failure()?.errorText ?? 'failed' }));
  page.on('response', r => { if (r.status() >= 400) failed.push({ url: r.url(), error: `HTTP ${r.status()}` }); });
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', e => consoleErrors.push(String(e)));
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshot, fullPage: true });
  const result = {
    url,
    loaded: response !== null && response.ok(),
    title: await page.title(),
    text: await page.evaluate(() => document.body.innerText),
    headings: await page.evaluate(() => [...document.querySelectorAll('h1, h2')].map(h => h.textContent.trim())),
    tables: await page.evaluate(() => document.querySelectorAll('table').length),
    requests,
    failed,
    consoleErrors,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} finally {
  await browser.close();
}
