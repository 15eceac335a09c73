/** Menu item and command ids, shared by the manifest wiring and the background. */
export const MENU_CLIP_PAGE = 'clip-page';
export const MENU_CLIP_SELECTION = 'clip-selection';
export const COMMAND_CLIP_PAGE = 'clip-page';

export interface ClipRoute {
  tabId: number;
  selectionOnly: boolean;
}

/** Which tab a context-menu click clips, and whether only the selection. */
export function routeMenuClick(menuItemId: string | number, tab: { id?: number } | undefined): ClipRoute | null {
  if (tab?.id === undefined || tab.id < 0) return null;
  if (menuItemId === MENU_CLIP_PAGE) return { tabId: tab.id, selectionOnly: false };
  if (menuItemId === MENU_CLIP_SELECTION) return { tabId: tab.id, selectionOnly: true };
  return null;
}

/** Which tab the keyboard shortcut clips. */
export function routeCommand(command: string, tab: { id?: number } | undefined): ClipRoute | null {
  if (command !== COMMAND_CLIP_PAGE || tab?.id === undefined || tab.id < 0) return null;
  return { tabId: tab.id, selectionOnly: false };
}
