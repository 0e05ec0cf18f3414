import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from './src/lib/static-server.ts';
const server = await serveDist('dist', '/');
for (const page of process.argv.slice(2)) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const r = await lighthouse(server.url + page.replace(/^\//, ''), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = r!.lhr as any;
  const a = (id: string) => lhr.audits[id];
  console.log(page, 'perf', lhr.categories.performance.score, 'FCP', Math.round(a('first-contentful-paint').numericValue), 'LCP', Math.round(a('largest-contentful-paint').numericValue), 'TBT', Math.round(a('total-blocking-time').numericValue), 'CLS', a('cumulative-layout-shift').numericValue);
  const el = a('largest-contentful-paint-element')?.details?.items?.[0]?.items?.[0]?.node;
  console.log('  LCP element:', el?.nodeLabel?.slice(0, 80), el?.selector);
  const phases = a('largest-contentful-paint-element')?.details?.items?.[1]?.items;
  console.log('  phases:', JSON.stringify(phases?.map((p: any) => [p.phase, Math.round(p.timing)])));
  const reqs = a('network-requests').details.items.map((i: any) => `${i.url.replace(server.url, '/')} ${i.resourceType} ${i.priority} ${i.transferSize}B ${Math.round(i.networkRequestTime)}-${Math.round(i.networkEndTime)}`);
  console.log('  ' + reqs.join('\n  '));
  const shifts = a('layout-shifts')?.details?.items;
  if (shifts?.length) console.log('  shifts', JSON.stringify(shifts.map((s: any) => [s.node?.selector, s.score])));
  await chrome.kill();
}
await server.close();
