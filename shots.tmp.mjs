// usage: node shots.mjs <baseURL> <outdir> <path> [<path>...]   (widths 1280/390, light+dark)
import { chromium } from '@playwright/test';
const [base, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const p of paths) for (const width of [1280, 390]) for (const theme of ['light', 'dark']) {
  const ctx = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, colorScheme: theme });
  await ctx.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await ctx.newPage();
  await page.goto(base + p, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const name = `${p.replace(/[^a-z0-9]+/gi, '_')}-${width}-${theme}.png`;
  await page.screenshot({ path: `${out}/${name}`, fullPage: false });
  console.log(name);
  await ctx.close();
}
await browser.close();
