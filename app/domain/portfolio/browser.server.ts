// Chromium for printing: one browser per process, launched on first use and reused, a few pages printing at a time,
// kept in a context of their own and reused, with JavaScript off and every request refused (nothing is loaded while printing:
// the document arrives inline, its images as data: URIs). The executable comes from .puppeteerrc.cjs (the system
// Chromium when there is one); puppeteer closes the browser when the process exits.
import { performance } from 'node:perf_hooks';
import puppeteer, { type Browser, type BrowserContext, type Page, type PDFOptions } from 'puppeteer';
import { logger } from '#app/utils/logger.server.ts';

/** Pages printing at once in one process: Chromium's layout of a long document takes a core. */
export const PRINT_CONCURRENCY = 2;

type Printer = { browser: Browser; context: BrowserContext; idle: PrintPage[] };
/** A page kept for printing: JavaScript off and every request but data: refused, set up once; `refused` is per print. */
type PrintPage = { page: Page; refused: string[] };

let launching: Promise<Printer> | null = null;

async function launch(): Promise<Printer> {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];
  // Chromium refuses to run as root with its sandbox; as any other user it keeps it.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // The process decides when to stop (a portfolio worker finishes the jobs it holds first, ADR 035), so Chromium does
  // not close on a signal under a print; puppeteer still kills it when the process exits.
  const browser = await puppeteer.launch({ headless: true, args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  // One context of its own for printing, apart from the default one: no cookies, storage or cache shared with anything.
  return { browser, context: await browser.createBrowserContext(), idle: [] };
}

function printer(): Promise<Printer> {
  if (!launching) {
    const started = launch();
    launching = started;
    started.then(
      ({ browser }) =>
        browser.once('disconnected', () => {
          if (launching === started) launching = null;
        }),
      () => {
        if (launching === started) launching = null;
      },
    );
  }
  return launching;
}

/** The process's browser, launched once and launched again only if it went away. */
export async function printingBrowser(): Promise<Browser> {
  return (await printer()).browser;
}

/** Closes the process's browser (tests, scripts and benches end with it; the server leaves it to puppeteer's exit hooks). */
export async function closePrintingBrowser(): Promise<void> {
  const current = launching;
  launching = null;
  if (current) await (await current.catch(() => null))?.browser.close().catch(() => undefined);
}

// A small semaphore: at most PRINT_CONCURRENCY prints at once, the rest wait their turn in order.
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PRINT_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** A page is made once and reused, print after print: a new page (let alone a new context) costs a renderer's start. */
async function takePage(current: Printer): Promise<PrintPage> {
  const kept = current.idle.pop();
  if (kept && !kept.page.isClosed()) return kept;
  const page = await current.context.newPage();
  const printPage: PrintPage = { page, refused: [] };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    // Images embedded as data: URIs are part of the document; anything else (http, file, …) is refused.
    if (request.url().startsWith('data:')) return void request.continue().catch(() => undefined);
    printPage.refused.push(request.url());
    void request.abort('blockedbyclient').catch(() => undefined);
  });
  return printPage;
}

/** What a print refused to load: nothing, if the document is as it should be (the tests look). */
export type PrintResult = { pdf: Uint8Array; refused: string[]; setContentMs: number; pdfMs: number };

/**
 * Prints the HTML to an A4 PDF (the page size, margins and margin boxes of its print CSS: the running header and footer),
 * tagged, with bookmarks from its headings.
 */
export function printPdf(html: string): Promise<PrintResult> {
  return inTurn(async () => {
    const current = await printer();
    const printPage = await takePage(current);
    printPage.refused = [];
    let reusable = false;
    try {
      const { page } = printPage;
      const started = performance.now();
      await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
      const laidOut = performance.now();
      const settings: PDFOptions = { format: 'A4', printBackground: true, outline: true, tagged: true, preferCSSPageSize: true, timeout: 120_000 };
      const pdf = await page.pdf(settings);
      const printed = performance.now();
      const refused = printPage.refused;
      if (refused.length) logger.warn({ refused: refused.length }, 'printing refused requests from a document');
      reusable = true;
      return { pdf, refused, setContentMs: laidOut - started, pdfMs: printed - laidOut };
    } finally {
      // A page that failed mid-print is closed rather than trusted with the next document.
      if (reusable) current.idle.push(printPage);
      else await printPage.page.close().catch(() => undefined);
    }
  });
}
