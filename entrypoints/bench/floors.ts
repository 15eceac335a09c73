/**
 * The clip's baselines, measured in the same session as the clip (bench/browser-clip.ts drives them):
 *
 * - The plumbing clip: the processes a real clip crosses, doing nothing else. The bench page plays the panel:
 *   it sends one runtime message; a second extension page (this same bench page in an iframe, `?role=writer`)
 *   plays the background: on that message it runs one `scripting.executeScript` of a function returning
 *   `document.documentElement.outerHTML` in the portal tab (the default, isolated world, like capture.js), then
 *   puts that string durably into IndexedDB through Dexie (strict durability, as lib/core/db.ts); the panel's
 *   side notices the new row through a Dexie `liveQuery` (the panel's own mechanism: Dexie tells other
 *   contexts over a BroadcastChannel, and the live query reads again) and adds one row to its DOM.
 * - Native lower bounds of the in-tab stages, run by executeScript in the tab's isolated world:
 *   one walk reading every table cell's text, one native parse and sanitize of the page's markup (the HTML
 *   Sanitizer API), and the serialising the clip does (markup and text of the sanitized body, then the JSON of
 *   what the clip ships: stringified in the tab, parsed in an extension context as the background does).
 * Both run in a tab of their own on the same generated page, so the clip's tab never carries their garbage
 * and the clip finds no isolated world made before it.
 */
import Dexie, { liveQuery, type EntityTable } from 'dexie';
import { browser } from 'wxt/browser';

const epoch = () => performance.timeOrigin + performance.now();

interface PlumbedRow {
  id: string;
  html: string;
}

class PlumbingDb extends Dexie {
  rows!: EntityTable<PlumbedRow, 'id'>;
  constructor() {
    super('bench-plumbing', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ rows: 'id' });
  }
}

/** What the writer (the background's part) saw of one plumbing clip, in epoch milliseconds. */
interface WriterTiming {
  received: number;
  returned: number;
  committed: number;
  chars: number;
}

interface Writer {
  timing: (id: string) => WriterTiming | undefined;
  clear: () => Promise<void>;
  tabBounds: (tabId: number) => Promise<TabBounds>;
}

const tabOf = async (url: string): Promise<number> => {
  const tab = (await browser.tabs.query({})).find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
  return tab.id;
};

/** The background's part, in `bench.html?role=writer` (an iframe of the bench page: another extension context). */
export function installWriter(): void {
  const db = new PlumbingDb();
  const done = new Map<string, WriterTiming>();
  const plumb = async (id: string, tabId: number) => {
    const received = epoch();
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => document.documentElement.outerHTML,
    });
    const returned = epoch();
    const html = String(first?.result ?? '');
    await db.transaction('rw', db.rows, () => db.rows.put({ id, html }));
    done.set(id, { received, returned, committed: epoch(), chars: html.length });
  };
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { benchPlumb?: unknown; tabId?: unknown } | null;
    if (typeof m?.benchPlumb === 'string' && typeof m.tabId === 'number') void plumb(m.benchPlumb, m.tabId);
    return undefined;
  });
  const writer: Writer = {
    timing: (id) => done.get(id),
    clear: () => db.rows.clear(),
    tabBounds: async (tabId) => {
      const t0 = epoch();
      const [empty] = await browser.scripting.executeScript({ target: { tabId }, func: () => 0 });
      const emptyCall = epoch() - t0;
      if (empty?.result !== 0) throw new Error('the empty call returned nothing');
      // capture.js and the portal families' readers (the generated page is a MyChart page), for the records
      // the clip ships (read again in the tab, untimed).
      await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js', '/capture-portals.js'] });
      const [first] = await browser.scripting.executeScript({ target: { tabId }, func: measureInTab });
      const result = first?.result as { timings: string; json: string } | null | undefined;
      if (!result) throw new Error('the lower bounds failed in the tab');
      const { timings, json } = result;
      // Parsed where the background parses the clip's answer: in an extension context.
      const t1 = epoch();
      const back = JSON.parse(json) as { ok?: boolean };
      const parse = epoch() - t1;
      const measured = JSON.parse(timings) as Omit<TabBounds, 'emptyCall' | 'parse'>;
      return { ...measured, sameRecords: measured.sameRecords && back.ok === true, parse, emptyCall };
    },
  };
  (globalThis as unknown as { slWriter: Writer }).slWriter = writer;
}

export interface PlumbingRun {
  /** Milliseconds: the panel's message reaching the background. */
  message: number;
  /** The executeScript call: injecting the function, outerHTML in the tab, the markup back. */
  injectAndReturn: number;
  /** One durable put of the markup (Dexie, strict durability). */
  put: number;
  /** The other context's live query noticing the new row and the row added to its DOM. */
  notice: number;
  total: number;
  chars: number;
}

/** The panel's part, in the bench page itself: sends the message, watches the table with a live query. */
export function plumbingClip() {
  const frame = document.createElement('iframe');
  frame.src = `${location.pathname}?role=writer`;
  document.body.append(frame);
  const writer = async (): Promise<Writer> => {
    for (let i = 0; i < 200; i++) {
      const w = (frame.contentWindow as unknown as { slWriter?: Writer } | null)?.slWriter;
      if (w) return w;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the plumbing writer did not start');
  };
  const db = new PlumbingDb();
  const list = document.createElement('ul');
  document.body.append(list);
  const waiting = new Map<string, (at: number) => void>();
  let seen = new Set<string>();
  liveQuery(() => db.rows.toCollection().primaryKeys()).subscribe({
    next: (keys) => {
      for (const key of keys) {
        if (seen.has(key)) continue;
        const row = document.createElement('li');
        row.textContent = key;
        list.append(row);
        waiting.get(key)?.(epoch());
        waiting.delete(key);
      }
      seen = new Set(keys);
    },
  });

  async function plumb(url: string): Promise<PlumbingRun> {
    const [w, tabId] = await Promise.all([writer(), tabOf(url)]);
    const id = crypto.randomUUID();
    const shown = new Promise<number>((resolve) => waiting.set(id, resolve));
    const started = epoch();
    // The real background ignores this message (not in the protocol); the writer frame acts on it.
    void browser.runtime.sendMessage({ benchPlumb: id, tabId }).catch(() => undefined);
    const at = await Promise.race([shown, new Promise<number>((r) => setTimeout(() => r(-1), 120_000))]);
    if (at < 0) throw new Error('the plumbing clip was never noticed');
    const t = w.timing(id);
    if (!t) throw new Error('the plumbing writer kept no timing');
    await w.clear();
    list.replaceChildren();
    return {
      message: t.received - started,
      injectAndReturn: t.returned - t.received,
      put: t.committed - t.returned,
      notice: at - t.committed,
      total: at - started,
      chars: t.chars,
    };
  }
  return {
    plumb,
    tabBounds: async (url: string) => (await writer()).tabBounds(await tabOf(url)),
  };
}

/** Native lower bounds of the in-tab stages (milliseconds), and the empty executeScript round trip. */
export interface TabBounds {
  cells: number;
  /** One walk reading every table cell's textContent once. */
  walk: number;
  /** Which native call sanitized: 'Document.parseHTML', 'setHTML', or 'none' (no Sanitizer API). */
  sanitizer: string;
  /** The page's markup read, then parsed and sanitized natively (the default, safe configuration). */
  sanitize: number;
  /** innerHTML and textContent of the sanitized body. */
  markupAndText: number;
  /** JSON.stringify of what the clip ships, in the tab. */
  stringify: number;
  /** JSON.parse of it in an extension context (the writer), where the background parses the clip's answer. */
  parse: number;
  jsonChars: number;
  /** The JSON is of the very records the clip ships (read again by capture.js), not a stand-in. */
  sameRecords: boolean;
  /** executeScript of a function returning 0, once the isolated world exists. */
  emptyCall: number;
}

/**
 * Runs in the portal tab's isolated world (serialised by executeScript: self-contained, no imports).
 * Returns its timings as JSON, and the JSON of what the clip ships (parsed by the caller, as the background does).
 */
async function measureInTab(): Promise<{ timings: string; json: string }> {
  const now = () => performance.now();
  let t = now();
  const cells = document.getElementsByTagName('td');
  const texts: string[] = new Array<string>(cells.length);
  for (let i = 0, n = cells.length; i < n; i++) texts[i] = cells[i]!.textContent ?? '';
  const walk = now() - t;

  t = now();
  const html = document.body.innerHTML;
  const native = Document as unknown as { parseHTML?: (h: string) => Document };
  const setHTML = (Element.prototype as unknown as { setHTML?: unknown }).setHTML;
  let body: HTMLElement;
  let sanitizer = 'none';
  if (typeof native.parseHTML === 'function') {
    body = native.parseHTML(html).body;
    sanitizer = 'Document.parseHTML';
  } else {
    body = document.implementation.createHTMLDocument('').body;
    if (typeof setHTML === 'function') {
      (body as unknown as { setHTML: (h: string) => void }).setHTML(html);
      sanitizer = 'setHTML';
    }
  }
  const sanitize = now() - t;

  t = now();
  const markup = body.innerHTML;
  const text = body.textContent ?? '';
  const markupAndText = now() - t;

  // What the clip ships, read again by capture.js (left in this isolated world by the clip), untimed.
  type Read = { ok: boolean; records?: unknown[]; warnings?: string[] };
  type Api = { readPage: (w: Window, d: Document, u: string) => Promise<Read> };
  const api = (globalThis as unknown as { secondLook?: Api }).secondLook;
  const read = api ? await api.readPage(window, document, location.href).catch(() => undefined) : undefined;
  const shipped = read?.ok
    ? { ok: true, records: read.records, warnings: read.warnings, attachments: [] }
    : { ok: true, records: [{ snapshotHtml: markup, text, cells: texts }] };
  t = now();
  const json = JSON.stringify(shipped);
  const stringify = now() - t;
  const timings = JSON.stringify({
    cells: cells.length,
    walk,
    sanitizer,
    sanitize,
    markupAndText,
    stringify,
    jsonChars: json.length,
    sameRecords: !!read?.ok,
  });
  return { timings, json };
}
