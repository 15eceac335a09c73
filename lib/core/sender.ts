/** Who sent a runtime message. The only function that reads `sender.*` (CONVENTIONS.md, Bitwarden). */
export type SenderClass = 'extension-page' | 'tab-top' | 'tab-subframe' | 'other';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  origin: string;
}

export function classifySender(sender: SenderInfo, self: ExtensionIdentity): SenderClass {
  if (sender.id !== self.id) return 'other';
  const url = sender.url ?? '';
  const fromExtensionOrigin = url.startsWith(`${self.origin}/`);
  if (fromExtensionOrigin) {
    // An extension page opened in a tab still has our origin; a content script never does.
    const tabUrl = sender.tab?.url;
    return !tabUrl || tabUrl.startsWith(`${self.origin}/`) ? 'extension-page' : 'other';
  }
  if (!sender.tab || sender.tab.id === undefined) return 'other';
  return sender.frameId === 0 ? 'tab-top' : 'tab-subframe';
}
