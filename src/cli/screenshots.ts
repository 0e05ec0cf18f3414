/**
 * `npm run screenshots`: PNG screenshots of the site's key states at the screens of issue 14, for
 * people to look at (nothing compares them). Serves the built site (dist/) on localhost, opens it
 * in Debian's Chromium (playwright-core, `CHROMIUM_PATH`), and writes one PNG per screen and state:
 *
 *   tests/output/screenshots/<width>x<height>/<state>.png
 *
 * States: the story's opening and each of its scroll steps (the sticky figure on a wide screen,
 * the step's own figure on a phone), the explorer, the tables (top and Table 3), the journal-club
 * page, its leader page and handout, the presenter (projected slides: title, first chart, last)
 * and the speaker view (?presenter).
 *
 *   npm run screenshots
 *   npm run screenshots -- --screens 390x844,1920x1080 --states story,presenter
 *   npm run screenshots -- --dir dist-other --out /tmp/shots
 *   npm run screenshots -- --dark                        # the dark colour scheme
 *
 * Prints every file it writes. A state that fails is named on one line and the command exits 1
 * after the others; the files written are complete (each is written once, whole).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { serveDist } from '../lib/static-server.ts';
import { InputError } from '../stats/validate.ts';
import { parseArgs, usage } from './args.ts';
import type { OptionSpec } from './args.ts';
import { reportInputError } from './io.ts';
import { isMain } from './is-main.ts';
import { settled } from './page-settled.ts';

/** The screens of issue 14. */
export const SCREENS = ['360x640', '390x844', '768x1024', '1024x768', '1280x720', '1366x768', '1440x900', '1920x1080'] as const;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Below this width the story has no sticky figure (src/scripts/story-scroller.ts). */
const STICKY_MIN_WIDTH = 701;

const SPEC = {
  screens: { type: 'string', help: `comma-separated WxH (default: ${SCREENS.join(',')})` },
  states: { type: 'string', help: 'comma-separated groups of states: story, explore, tables, journal-club, presenter (default: all)' },
  dir: { type: 'string', help: 'built site to serve (default dist)' },
  out: { type: 'string', help: 'folder for the PNGs (default tests/output/screenshots)' },
  dark: { type: 'boolean', help: 'in the dark colour scheme (folders <width>x<height>-dark)' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies OptionSpec;

interface Screen {
  readonly width: number;
  readonly height: number;
}

/** One screenshot: a name and how to bring the page into that state. */
interface Shot {
  readonly name: string;
  readonly take: (page: Page, base: string, screen: Screen) => Promise<void>;
}

const GROUPS = ['story', 'explore', 'tables', 'journal-club', 'presenter'] as const;
type Group = (typeof GROUPS)[number];

/** `1280x720` → { width: 1280, height: 720 }; throws an InputError for anything else. */
export function parseScreen(text: string): Screen {
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(text.trim());
  if (!m) throw new InputError(`invalid screen "${text}" (use WIDTHxHEIGHT, e.g. 1280x720)`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  if (response?.status() !== 200) throw new Error(`${url}: HTTP ${response?.status() ?? 'no response'}`);
  await settled(page);
}

/** The story at step `id`: the sticky figure on a wide screen, the step's own figure on a phone. */
function storyStep(id: string) {
  return async (page: Page, base: string, screen: Screen): Promise<void> => {
    if (page.url() !== base) await open(page, base);
    if (screen.width >= STICKY_MIN_WIDTH) {
      await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
      // The reading line (45% of the viewport) in the step, as a reader scrolling would put it.
      await page.evaluate((stepId) => {
        const el = document.getElementById(`step-${stepId}`)!;
        const top = el.getBoundingClientRect().top + window.scrollY;
        window.scrollTo({ top: top - window.innerHeight * 0.45 + Math.min(120, el.offsetHeight / 3), behavior: 'instant' });
      }, id);
      await page.waitForFunction((stepId) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === stepId, id);
    } else {
      // A phone reads the steps one after the other: the step's own figure, or its callout when it repeats the chart.
      // Twice: figures above it are laid out only as they come near (content-visibility), which moves it.
      for (let i = 0; i < 2; i++) {
        await page.evaluate((stepId) => document.querySelector(`#step-${stepId} .step-figure`)?.scrollIntoView({ block: 'start', behavior: 'instant' }), id);
        await settled(page);
      }
    }
    await settled(page);
  };
}

/** The story's step ids, read from the built page. */
async function storySteps(page: Page, base: string): Promise<string[]> {
  await open(page, base);
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.step[data-step]')].map((s) => s.dataset.step!));
}

function shots(group: Group, steps: readonly string[]): Shot[] {
  switch (group) {
    case 'story':
      return [{ name: 'story-00-top', take: (page, base) => open(page, base) }, ...steps.map((id, i) => ({ name: `story-${String(i + 1).padStart(2, '0')}-${id}`, take: storyStep(id) }))];
    case 'explore':
      return [
        { name: 'explore', take: (page, base) => open(page, `${base}explore/`) },
        { name: 'explore-calcification-os-medians', take: (page, base) => open(page, `${base}explore/?grouping=calcification&endpoint=os&median=1`) },
      ];
    case 'tables':
      return [
        { name: 'tables-top', take: (page, base) => open(page, `${base}tables/`) },
        {
          name: 'tables-table3',
          take: async (page, base) => {
            await open(page, `${base}tables/`);
            await page.evaluate(() => document.getElementById('table3')?.parentElement?.scrollIntoView({ block: 'start', behavior: 'instant' }));
            await settled(page);
          },
        },
      ];
    case 'journal-club':
      return [
        { name: 'journal-club', take: (page, base) => open(page, `${base}journal-club/`) },
        { name: 'journal-club-leader', take: (page, base) => open(page, `${base}journal-club/leader/`) },
        { name: 'journal-club-handout', take: (page, base) => open(page, `${base}journal-club/handout/`) },
      ];
    case 'presenter': {
      /** Opens the deck, presents it and goes to the slide `which` picks. */
      const slide = (which: (slides: number, chart: number) => number) => async (page: Page, base: string) => {
        await open(page, `${base}journal-club/presenter/`);
        await page.waitForSelector('jc-presenter[data-ready]', { state: 'attached' });
        await page.click('button[data-action="fullscreen"]');
        await page.waitForSelector('jc-presenter[data-presenting="true"]', { state: 'attached' });
        const { slides, chart } = await page.evaluate(() => {
          const all = [...document.querySelectorAll('.jc-slide')];
          return { slides: all.length, chart: all.findIndex((s) => s.querySelector('svg')) };
        });
        const target = which(slides, chart);
        for (let i = 0; i < target; i++) {
          await page.keyboard.press('ArrowRight');
          await page.waitForFunction((n) => document.querySelector('jc-presenter')?.getAttribute('data-slide') === String(n), i + 1);
        }
        await settled(page);
      };
      return [
        { name: 'presenter-title', take: slide(() => 0) },
        { name: 'presenter-first-chart', take: slide((_, chart) => Math.max(0, chart)) },
        { name: 'presenter-last', take: slide((slides) => slides - 1) },
        {
          name: 'presenter-speaker-view',
          take: async (page, base) => {
            await open(page, `${base}journal-club/presenter/?presenter#jc-slide-title`);
            await page.waitForSelector('jc-presenter[data-ready]', { state: 'attached' });
            await settled(page);
          },
        },
      ];
    }
  }
}

export interface ScreenshotIo {
  out(text: string): void;
  err(text: string): void;
}

export async function runScreenshots(argv: readonly string[], io: ScreenshotIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof serveDist>> | null = null;
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.out(usage('npm run screenshots --', SPEC));
      return 0;
    }
    const screens = (args.screens ?? SCREENS.join(',')).split(',').map(parseScreen);
    const groups = (args.states ?? GROUPS.join(',')).split(',').map((g) => g.trim());
    for (const g of groups) if (!GROUPS.includes(g as Group)) throw new InputError(`unknown state group "${g}" (use ${GROUPS.join(', ')})`);
    const dir = args.dir ?? 'dist';
    const out = args.out ?? join('tests', 'output', 'screenshots');
    if (!existsSync(join(dir, 'index.html'))) throw new InputError(`${dir}/index.html not found: build the site first (npm run build)`);

    server = await serveDist(dir, '/', { headersFile: false });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    let written = 0;
    const failed: string[] = [];
    for (const screen of screens) {
      const phone = screen.width < STICKY_MIN_WIDTH;
      const context = await browser.newContext({ viewport: screen, isMobile: phone, hasTouch: phone, colorScheme: args.dark ? 'dark' : 'light' });
      const page = await context.newPage();
      const folder = join(out, `${screen.width}x${screen.height}${args.dark ? '-dark' : ''}`);
      mkdirSync(folder, { recursive: true });
      const steps = groups.includes('story') ? await storySteps(page, server.url) : [];
      for (const group of groups as Group[]) {
        for (const shot of shots(group, steps)) {
          const file = join(folder, `${shot.name}.png`);
          try {
            await shot.take(page, server.url, screen);
            writeFileSync(file, await page.screenshot({ type: 'png' }));
            written++;
            io.out(`${file}\n`);
          } catch (error) {
            failed.push(`${screen.width}x${screen.height} ${shot.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          }
        }
      }
      await context.close();
    }
    io.out(`screenshots: wrote ${written} PNG file(s) to ${out}/\n`);
    for (const f of failed) io.err(`error: ${f}\n`);
    return failed.length ? 1 : 0;
  } catch (err) {
    return reportInputError(err, (t) => io.err(t));
  } finally {
    await browser?.close();
    await server?.close();
  }
}

if (isMain(import.meta.url)) process.exitCode = await runScreenshots(process.argv.slice(2));
