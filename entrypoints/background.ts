import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clipTab, type ClipDeps } from '../lib/clip';
import { CaseDb, checkDbHealth } from '../lib/db';
import { dispatch, type Handlers } from '../lib/messaging';
import { classifySender, type SenderInfo } from '../lib/sender';
import { activeCaseStore, clipStatusStore, dbWitnessStore } from '../lib/settings';

// Wiring only: menus, the shortcut, the toolbar button and the message handler. Logic lives in lib/.
export default defineBackground(() => {
  const db = new CaseDb();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  // Records the database's identity outside IndexedDB at first start (even before the panel is
  // opened), so a later silent replacement is noticed; the panel shows the result (issue 6).
  void checkDbHealth(db, dbWitnessStore(browser.storage.local)).then((health) => {
    if (!health.ok) console.warn(`second-look: database problem (${health.reason})`);
  });

  const clipDeps: ClipDeps = {
    db,
    activeCaseId: () => activeCaseStore(browser.storage.local).get(),
    tabUrl: async (tabId) => {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return null;
      }
    },
    runCapture: async (tabId, selectionOnly) => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
      const [first] = await browser.scripting.executeScript({
        target: { tabId },
        func: (selection: boolean) =>
          (globalThis as unknown as { secondLookCapture: (s: boolean) => Promise<unknown> }).secondLookCapture(selection),
        args: [selectionOnly],
      });
      return first?.result;
    },
  };

  /** Every clip, whatever started it, reports to the panel through session storage. */
  const clipAndReport = async (tabId: number, selectionOnly: boolean) => {
    const result = await clipTab(clipDeps, tabId, selectionOnly);
    await clipStatusStore(browser.storage.session).set({ at: Date.now(), result });
    return result;
  };

  const handlers: Handlers = {
    'clip/tab': ({ tabId, selectionOnly }) => clipAndReport(tabId, selectionOnly),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) =>
    dispatch(handlers, message, classifySender(sender, self)),
  );

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'clip-page', title: browser.i18n.getMessage('menuClipPage'), contexts: ['page'] });
    browser.contextMenus.create({
      id: 'clip-selection',
      title: browser.i18n.getMessage('menuClipSelection'),
      contexts: ['selection'],
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id !== undefined) void clipAndReport(tab.id, info.menuItemId === 'clip-selection');
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'clip-page' && tab?.id !== undefined) void clipAndReport(tab.id, false);
  });

  // Handling the click ourselves is what grants activeTab (DESIGN.md, "Site access"); the panel must
  // be opened first, awaiting nothing before it, or the user gesture is lost.
  const sidePanel = (browser as unknown as { sidePanel?: typeof Browser.sidePanel }).sidePanel;
  const sidebarAction = (browser as unknown as { sidebarAction?: { open: () => Promise<void> } }).sidebarAction;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
  browser.action.onClicked.addListener((tab) => {
    if (sidePanel && tab.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId });
    else void sidebarAction?.open();
  });
});
