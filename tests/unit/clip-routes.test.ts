import { describe, expect, it } from 'vitest';
import { routeCommand, routeMenuClick } from '../../lib/clip/clip-routes';

describe('clip routes (menu and shortcut)', () => {
  it('clips the page or only the selection from the context menu', () => {
    expect(routeMenuClick('clip-page', { id: 7 })).toEqual({ tabId: 7, selectionOnly: false });
    expect(routeMenuClick('clip-selection', { id: 7 })).toEqual({ tabId: 7, selectionOnly: true });
    expect(routeMenuClick('something-else', { id: 7 })).toBeNull();
    // Menus shown in devtools or other non-tab contexts carry tab id -1 or no tab.
    expect(routeMenuClick('clip-page', { id: -1 })).toBeNull();
    expect(routeMenuClick('clip-page', undefined)).toBeNull();
  });
  it('clips the page from the keyboard shortcut', () => {
    expect(routeCommand('clip-page', { id: 3 })).toEqual({ tabId: 3, selectionOnly: false });
    expect(routeCommand('_execute_action', { id: 3 })).toBeNull();
    expect(routeCommand('clip-page', undefined)).toBeNull();
  });
});
