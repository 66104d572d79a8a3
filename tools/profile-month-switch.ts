import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/bench/chromium';

/**
 * Click → painted for the month switch of the attendance month grid, in Chromium against browser
 * mode, measured as tests/bench/browser.ts does (a capture-phase click mark in the page, the
 * screen's own 'month-switch' measure ending one frame after the new grid is in the DOM), but
 * over more switches and, for before/after figures on a shared machine, interleaved: with several
 * `--variant dist:dataDir` the variants take turns, a few switches each, in one browser.
 *
 *   npm run build && npm run build:tools
 *   node dist-tools/tools/profile-month-switch.js --variant dist:.bench-data/ten-years
 *   … --variant /tmp/before-dist:.bench-data/ten-years-b --variant dist:.bench-data/ten-years
 *   … --cpu-profile      (where the main thread's time goes: self time by function, top 30)
 *   … --trace FILE.json  (a Chrome trace of a few switches, for chrome://tracing or DevTools)
 *   … --verbose          (each switch's month and time)
 *   … --style CSS        (extra CSS in the last variant's page: trying a style before writing it)
 *
 * Each variant needs its own data folder (a folder is opened by one program at a time); use
 * copies of the ten-year dataset, never tools/seed's own folder.
 */
const TODAY = '2026-11-30';
const PASSWORD = 'demo-parole-2026';
let verbose = false;

interface Variant {
  label: string;
  dist: string;
  dataDir: string;
  server?: ChildProcess;
  page?: Page;
  times: number[];
  /** Click → the last API answer of the switch arrived (the rest is the browser's own work). */
  answered: number[];
  switches: number;
}

function percentiles(times: number[]): { p50: number; p95: number; n: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

async function startServer(v: Variant): Promise<string> {
  const server = spawn(
    process.execPath,
    [
      path.join(v.dist, 'electron', 'web-cli.js'),
      ...['--data-dir', v.dataDir, '--port', '0', '--test', '--now', `${TODAY}T07:00:00Z`],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  v.server = server;
  return new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`web-cli exited with ${code}: ${out}`)));
  });
}

async function openGrid(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({
    locale: 'lv-LV',
    timezoneId: 'Europe/Riga',
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(url);
  await page.getByLabel('Lietotājvārds').fill('masa');
  await page.getByLabel('Parole', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Pieslēgties' }).click();
  try {
    // A user who has not yet acknowledged the privacy notice (issue 16) is shown it first.
    const menu = page.getByRole('link', { name: 'Mēneša apmeklējums' });
    const notice = page.getByRole('button', { name: 'Apņemos ievērot' });
    await menu.or(notice).first().waitFor();
    if (await notice.isVisible()) await notice.click();
    await menu.click();
    await page.getByTestId('month-grid').waitFor();
  } catch (err) {
    await page.screenshot({ path: path.join('test-results', 'month-switch-failed.png') });
    throw err;
  }
  await page.evaluate(() => {
    document.addEventListener('click', () => performance.mark('month-switch:click'), {
      capture: true,
    });
  });
  return page;
}

/** One switch: back for the first half of a variant's switches, then forward again. */
async function oneSwitch(v: Variant, total: number): Promise<void> {
  const page = v.page!;
  await page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
    performance.clearResourceTimings();
  });
  await page.getByTestId(v.switches < total / 2 ? 'prev-month' : 'next-month').click();
  await page.waitForFunction(() => performance.getEntriesByName('month-switch').length > 0);
  const [ms, answered, calls] = await page.evaluate(() => {
    const painted = performance.getEntriesByName('month-switch')[0];
    const click = performance.getEntriesByName('month-switch:click')[0];
    // The calls the switch waited for: started after the click, answered before the paint.
    const api = performance
      .getEntriesByType('resource')
      .filter(
        (e) =>
          e.name.includes('/api/') &&
          e.startTime >= click.startTime &&
          (e as PerformanceResourceTiming).responseEnd <= painted.startTime + painted.duration,
      ) as PerformanceResourceTiming[];
    return [
      painted.startTime + painted.duration - click.startTime,
      api.length ? Math.max(...api.map((e) => e.responseEnd)) - click.startTime : NaN,
      api.map((e) => e.name.replace(/.*\/api\//, '')).join(' '),
    ] as const;
  });
  if (verbose) {
    const month = await page.locator('#month-month').inputValue();
    console.log(`${v.label} ${month}: ${ms.toFixed(1)} ms; waited for: ${calls || 'nothing'}`);
  }
  if (v.switches >= 2) {
    v.times.push(ms);
    v.answered.push(answered);
  }
  v.switches++;
}

/**
 * Self and total time by function from a CPU profile of the page: where the main thread's time
 * went ("(program)" is the browser's own work: style, layout, paint).
 */
function summarise(profile: {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}): string {
  const nameOf = new Map<number, string>();
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    nameOf.set(
      n.id,
      `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`,
    );
    for (const c of n.children ?? []) parentOf.set(c, n.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    all += dt;
    self.set(nameOf.get(id)!, (self.get(nameOf.get(id)!) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = nameOf.get(at)!;
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + dt);
      seen.add(name);
    }
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .filter(([name]) => !name.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  return [
    `profiled ${all.toFixed(0)} ms of main thread (idle included); self time:`,
    ...top(self, 25),
    'total time (with callees):',
    ...top(total, 40),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variant: { type: 'string', multiple: true, default: ['dist:.bench-data/ten-years'] },
      switches: { type: 'string', default: '42' },
      block: { type: 'string', default: '4' },
      'cpu-profile': { type: 'boolean', default: false },
      trace: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      style: { type: 'string' },
    },
  });
  verbose = values.verbose!;
  const total = Number(values.switches) + 2; // two warm-up switches, as the bench has
  const block = Number(values.block);
  const variants: Variant[] = values.variant.map((spec) => {
    const [dist, dataDir] = spec.split(':');
    return {
      label: spec,
      dist: path.resolve(dist),
      dataDir: path.resolve(dataDir),
      times: [],
      answered: [],
      switches: 0,
    };
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const v of variants) v.page = await openGrid(browser, await startServer(v));
    if (values.style) {
      await variants[variants.length - 1].page!.addStyleTag({ content: values.style });
    }
    let cdp: CDPSession | undefined;
    if (values['cpu-profile']) {
      cdp = await variants[variants.length - 1]
        .page!.context()
        .newCDPSession(variants[variants.length - 1].page!);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (values.trace) await browser.startTracing(variants[0].page, { screenshots: false });
    while (variants.some((v) => v.switches < total)) {
      for (const v of variants) {
        for (let i = 0; i < block && v.switches < total; i++) await oneSwitch(v, total);
      }
      if (values.trace && variants[0].switches >= 6) {
        writeFileSync(values.trace, await browser.stopTracing());
        values.trace = undefined;
      }
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      console.log(summarise(profile));
    }
    const load = (await import('node:os')).loadavg().map((n) => n.toFixed(2));
    console.log(`load average at the end: ${load.join(' ')}`);
    for (const v of variants) {
      const t = percentiles(v.times);
      const waited = v.answered.filter((ms) => !Number.isNaN(ms));
      const a = percentiles(waited);
      console.log(
        `${v.label}: click → painted p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (n=${t.n}); ` +
          `${waited.length} switches called the backend before the paint` +
          (waited.length
            ? ` (click → last answer p50 ${a.p50.toFixed(1)}, p95 ${a.p95.toFixed(1)} ms)`
            : ''),
      );
    }
  } finally {
    await browser.close();
    for (const v of variants) v.server?.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
