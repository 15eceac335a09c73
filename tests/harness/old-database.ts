import type { CdpPage } from './cdp-page';
import { launchChromium, type ChromiumRun } from './chromium';
import { testBuild } from './builds';
import type { DemoPortal } from './portal-server';

/** An IndexedDB object store as an old version laid it out: key path and indexes ([name, key path, unique]). */
export interface StoreLayout {
  name: string;
  keyPath: string;
  indexes: [name: string, keyPath: string | string[], unique?: boolean][];
}

/** Dexie version 1 of CaseDb as IndexedDB holds it (IndexedDB version 10), written out by hand. */
export const V1_LAYOUT: StoreLayout[] = [
  { name: 'cases', keyPath: 'id', indexes: [['updatedAt', 'updatedAt']] },
  {
    name: 'records',
    keyPath: 'id',
    indexes: [
      ['caseId', 'caseId'],
      ['[caseId+contentHash]', ['caseId', 'contentHash'], true],
      ['[caseId+kind]', ['caseId', 'kind']],
      ['clinicalDate', 'clinicalDate'],
    ],
  },
  {
    name: 'attachments',
    keyPath: 'id',
    indexes: [
      ['caseId', 'caseId'],
      ['recordId', 'recordId'],
    ],
  },
  { name: 'meta', keyPath: 'key', indexes: [] },
];

/** Dexie version 2 (IndexedDB version 20): version 1 plus the workspace tables. */
export const V2_LAYOUT: StoreLayout[] = [
  ...V1_LAYOUT,
  { name: 'caseDetails', keyPath: 'caseId', indexes: [] },
  { name: 'questions', keyPath: 'id', indexes: [['caseId', 'caseId']] },
  { name: 'opinions', keyPath: 'id', indexes: [['caseId', 'caseId']] },
];

/** Rows per store; an attachment's `blob` travels as its text and is stored as a Blob of its media type. */
export type OldRows = Record<string, Record<string, unknown>[]>;

/**
 * Replaces the extension's database with one of an old layout holding `rows`, written with raw IndexedDB
 * from inside the extension's origin (as an old install left it). Dexie closes its own connections on
 * versionchange, so the delete goes through. Returns the IndexedDB version written.
 */
export function writeOldDatabase(panel: CdpPage, version: number, layout: StoreLayout[], rows: OldRows) {
  return panel.evaluate(
    async (idbVersion: number, stores: StoreLayout[], data: OldRows) => {
      await new Promise((resolve, reject) => {
        const del = indexedDB.deleteDatabase('second-look');
        del.onsuccess = resolve;
        del.onerror = () => reject(del.error);
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('second-look', idbVersion);
        open.onupgradeneeded = () => {
          for (const store of stores) {
            const created = open.result.createObjectStore(store.name, { keyPath: store.keyPath });
            for (const [name, keyPath, unique] of store.indexes)
              created.createIndex(name, keyPath, { unique: !!unique });
          }
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(Object.keys(data), 'readwrite');
      for (const [store, items] of Object.entries(data))
        for (const row of items) {
          const blob = store === 'attachments' ? new Blob([String(row.blob)], { type: String(row.mediaType) }) : null;
          tx.objectStore(store).put(blob ? { ...row, blob } : row);
        }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return db.version;
    },
    version,
    layout,
    rows,
  );
}

/** The IndexedDB version of the extension's database as the panel opened it. */
export function databaseVersion(panel: CdpPage): Promise<number> {
  return panel.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          resolve(open.result.version);
          open.result.close();
        };
      }),
  );
}

/** Chromium with the test build, restarted on the same profile: the panel opened beside a portal page each time. */
export class RestartingChromium {
  run: ChromiumRun | undefined;
  private profile = '';

  constructor(private readonly portal: () => DemoPortal) {}

  /** Closes the running browser (if any), starts it again on the same profile, and opens the panel. */
  async start(): Promise<CdpPage> {
    await this.run?.close();
    this.run = await launchChromium({
      extensionDir: testBuild('chrome'),
      ...(this.profile ? { userDataDir: this.profile } : {}),
    });
    this.profile = this.run.userDataDir;
    const page = this.run.context.pages()[0]!;
    await page.goto(`${this.portal().origin}/mychart/test-results/cbc.html`);
    return this.run.openPanel(page);
  }

  close = () => this.run?.close();
}
