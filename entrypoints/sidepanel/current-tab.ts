import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TOOLBAR_CLICK_KEY } from '../../lib/core/settings';

export interface CurrentTab {
  tabId: number | null;
  /** Undefined while the browser hides the address (no grant for this tab yet). */
  url: string | undefined;
}

const extensionOrigin = browser.runtime.getURL('/');

/** The active tab of the window this panel belongs to, followed as the user switches and navigates. */
export function useCurrentTab(): CurrentTab {
  const [tab, setTab] = useState<CurrentTab>({ tabId: null, url: undefined });
  useEffect(() => {
    let windowId: number | undefined;
    const refresh = async () => {
      windowId ??= (await browser.windows.getCurrent()).id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      // Opened as a full tab (not the side panel), the panel is its own active tab: nothing to clip there.
      if (!active?.id || active.url?.startsWith(extensionOrigin)) setTab({ tabId: null, url: undefined });
      else setTab({ tabId: active.id, url: active.url });
    };
    const onUpdated = () => void refresh();
    // A toolbar click while the panel is open grants this tab; the browser announces it nowhere else.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && TOOLBAR_CLICK_KEY in changes) void refresh();
    };
    void refresh();
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onActivated.addListener(onUpdated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.permissions.onAdded.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onUpdated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.permissions.onAdded.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, []);
  return tab;
}

/** Portal origins with standing access (optional host permissions the user granted). */
export function useSiteAccess(): [string[], () => void] {
  const [origins, setOrigins] = useState<string[]>([]);
  const refresh = () => void browser.permissions.getAll().then((all) => setOrigins(all.origins ?? []));
  useEffect(() => {
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return [origins, refresh];
}
