import type { FirefoxRun } from './firefox';
import { ADDON_ID, PANEL_URL } from './firefox';

/** Firefox's id for our sidebar_action panel (the add-on id with [@.] turned into _, plus "-sidebar-action"). */
const SIDEBAR_ID = 'second-look_example_org-sidebar-action';

interface BidiConnection {
  send: (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;
}
interface Evaluated {
  type: 'success' | 'exception';
  result?: { value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * The real Firefox sidebar, opened and driven through the browser window's privileged (chrome) scope over
 * WebDriver BiDi (allowed by --remote-allow-system-access). The panel inside it runs in a remote
 * extension browser that BiDi does not list as a context, so page code reaches it through a frame script
 * on that browser's message manager: the same DOM, events and extension APIs the user's clicks reach.
 */
export interface FirefoxSidebar {
  /** Runs `fn(window)` in the sidebar's panel page and returns its JSON-serialisable result. */
  evaluate: <T>(fn: string) => Promise<T>;
  waitFor: <T>(fn: string, timeoutMs?: number) => Promise<T>;
  click: (selector: string) => Promise<void>;
  fill: (selector: string, value: string) => Promise<void>;
  text: (selector: string) => Promise<string>;
  /** A click while the window handles user input, for calls that need it (permissions.request). */
  userClick: (selector: string) => Promise<void>;
  /**
   * The toolbar button's action, through the same code path as the browser's keyboard shortcut for it: it
   * grants activeTab for the active tab and runs our action.onClicked (which opens this sidebar).
   */
  toolbarClick: () => Promise<void>;
  /**
   * A trusted key press in the browser window, modifiers held (nsITextInputProcessor, what Firefox's own
   * EventUtils.synthesizeKey uses): the browser's key handling, extension shortcuts included, sees a user's keys.
   */
  pressKeys: (key: string, modifiers: ('Alt' | 'Shift' | 'Control')[]) => Promise<void>;
  /**
   * Our item in the page's context menu (opened by a real right-click in the page), chosen as a user's click
   * chooses it (menupopup.activateItem). Returns the item's label; throws if the menu or the item is not there.
   */
  chooseContextMenuItem: (menuItemId: string) => Promise<string>;
  /** The ids of our items in the open context menu that are shown. */
  contextMenuItems: () => Promise<string[]>;
  /** The origins the add-on holds standing access to (activeTab grants are not among them). */
  grantedOrigins: () => Promise<string[]>;
}

/** Firefox's element id for an extension menu item: `<widget id>-menuitem-_<our id>`. */
const MENU_ITEM_PREFIX = 'second-look_example_org-menuitem-_';

const asciiOnly = (source: string) =>
  source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export async function openSidebar(run: FirefoxRun): Promise<FirefoxSidebar> {
  const connection = (run.browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const windowContext = (tree.result.contexts as { context: string; url: string }[]).find((c) =>
    c.url.startsWith('chrome://browser/content/browser.xhtml'),
  )!.context;
  const chrome = async (expression: string): Promise<unknown> => {
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context: windowContext },
      awaitPromise: true,
    });
    const evaluated = result as unknown as Evaluated;
    if (evaluated.type !== 'success') throw new Error(`chrome scope: ${evaluated.exceptionDetails?.text}`);
    return evaluated.result?.value;
  };
  const inner = `SidebarController.browser.contentDocument?.getElementById('webext-panels-browser')`;
  // The sidebar's own document loads asynchronously: show it until our panel page is in it.
  const deadline = Date.now() + 20_000;
  for (;;) {
    await chrome(`SidebarController.show(${JSON.stringify(SIDEBAR_ID)}).catch(() => undefined)`).catch(() => undefined);
    const url = await chrome(`${inner}?.currentURI?.spec ?? ''`).catch(() => '');
    if (url === PANEL_URL) break;
    if (Date.now() > deadline) throw new Error(`the sidebar did not open our panel (it shows "${url}")`);
    await new Promise((r) => setTimeout(r, 300));
  }

  let calls = 0;
  const evaluate = async <T>(fn: string): Promise<T> => {
    const name = `sl:eval:${++calls}`;
    // A data: frame script is read as Latin-1: non-ASCII text (curly quotes in messages) goes in as \u escapes.
    const script = asciiOnly(`(async () => {
      try { const value = await (${fn})(content); sendAsyncMessage(${JSON.stringify(name)}, { ok: true, json: JSON.stringify(value ?? null) }); }
      catch (e) { sendAsyncMessage(${JSON.stringify(name)}, { ok: false, error: String(e) }); }
    })();`);
    const reply = (await chrome(`new Promise((resolve) => {
      const mm = ${inner}.messageManager;
      const listener = (m) => { mm.removeMessageListener(${JSON.stringify(name)}, listener); resolve(JSON.stringify(m.data)); };
      mm.addMessageListener(${JSON.stringify(name)}, listener);
      mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(script)}), false);
      setTimeout(() => resolve(JSON.stringify({ ok: false, error: 'no answer from the sidebar' })), 10000);
    })`)) as string;
    const parsed = JSON.parse(reply) as { ok: boolean; json?: string; error?: string };
    if (!parsed.ok) throw new Error(`sidebar: ${parsed.error}`);
    return JSON.parse(parsed.json!) as T;
  };
  const waitFor = async <T>(fn: string, timeoutMs = 20_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await evaluate<T>(fn).catch(() => undefined);
      if (value) return value;
      if (Date.now() > until) throw new Error(`sidebar: timed out waiting for ${fn.slice(0, 160)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const waitForContextMenu = async () => {
    const until = Date.now() + 10_000;
    while ((await chrome(`document.getElementById('contentAreaContextMenu').state`)) !== 'open') {
      if (Date.now() > until) throw new Error('the context menu did not open');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  // Open is not rendered: wait for the panel's own markup, as a user waits to see it.
  await waitFor(`(w) => !!w.document.querySelector('main [data-testid="tab-origin"]')`);
  return {
    evaluate,
    waitFor,
    click: async (selector) => {
      await waitFor(
        `(w) => { const b = w.document.querySelector(${JSON.stringify(selector)}); return !!b && !b.disabled; }`,
      );
      await evaluate(`(w) => w.document.querySelector(${JSON.stringify(selector)}).click()`);
    },
    fill: async (selector, value) => {
      await evaluate(`(w) => {
        const input = w.document.querySelector(${JSON.stringify(selector)});
        input.focus();
        input.value = ${JSON.stringify(value)};
        input.dispatchEvent(new w.Event('input', { bubbles: true }));
      }`);
    },
    text: (selector) => evaluate(`(w) => w.document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`),
    userClick: async (selector) => {
      await waitFor(
        `(w) => { const b = w.document.querySelector(${JSON.stringify(selector)}); return !!b && !b.disabled; }`,
      );
      // Firefox's own extension tests mark user input the same way (withHandlingUserInput).
      await evaluate(`(w) => {
        const input = w.windowUtils.setHandlingUserInput(true);
        try { w.document.querySelector(${JSON.stringify(selector)}).click(); } finally { input.destruct(); }
      }`);
    },
    pressKeys: async (key, modifiers) => {
      const reply = await chrome(`(() => {
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
        const named = { Alt: 'AltLeft', Shift: 'ShiftLeft', Control: 'ControlLeft' };
        const mods = ${JSON.stringify(modifiers)}.map((m) => new KeyboardEvent('', { key: m, code: named[m], keyCode: KeyboardEvent['DOM_VK_' + m.toUpperCase()] }));
        const key = ${JSON.stringify(key)};
        const main = new KeyboardEvent('', { key, code: 'Key' + key.toUpperCase(), keyCode: KeyboardEvent['DOM_VK_' + key.toUpperCase()] });
        for (const m of mods) tip.keydown(m);
        tip.keydown(main);
        tip.keyup(main);
        for (const m of [...mods].reverse()) tip.keyup(m);
        return 'sent';
      })()`);
      if (reply !== 'sent') throw new Error(`key press: ${String(reply)}`);
    },
    contextMenuItems: async () => {
      await waitForContextMenu();
      return JSON.parse(
        (await chrome(`JSON.stringify([...document.getElementById('contentAreaContextMenu').querySelectorAll('menuitem')]
          .filter((m) => m.id.startsWith(${JSON.stringify(MENU_ITEM_PREFIX)}) && !m.hidden)
          .map((m) => m.id.slice(${MENU_ITEM_PREFIX.length})))`)) as string,
      ) as string[];
    },
    chooseContextMenuItem: async (menuItemId) => {
      await waitForContextMenu();
      const label = await chrome(`(() => {
        const popup = document.getElementById('contentAreaContextMenu');
        const item = document.getElementById(${JSON.stringify(MENU_ITEM_PREFIX + menuItemId)});
        if (!item || item.hidden) return '';
        popup.activateItem(item);
        return item.label;
      })()`);
      if (!label) throw new Error(`no visible context menu item ${menuItemId}`);
      return label as string;
    },
    grantedOrigins: async () => {
      const json = await chrome(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        return JSON.stringify((await ExtensionPermissions.get(${JSON.stringify(ADDON_ID)})).origins);
      })()`);
      return JSON.parse(json as string) as string[];
    },
    toolbarClick: async () => {
      await chrome(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ADDON_ID)});
        await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      })()`);
    },
  };
}
