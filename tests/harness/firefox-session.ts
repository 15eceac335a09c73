import { launchFirefox, type FirefoxRun } from './firefox';
import { openSidebar, type FirefoxSidebar } from './firefox-sidebar';
import { startDemoPortal, type DemoPortal } from './portal-server';

/** The demo portal, a firefox-esr with a build loaded, a portal page open, and our sidebar open beside it. */
export interface FirefoxSidebarSession {
  portal: DemoPortal;
  run: FirefoxRun;
  sidebar: FirefoxSidebar;
  /** Closes the browser, then the portal; safe after a start that failed part-way. */
  close: () => Promise<void>;
}

/** Starts the demo portal and firefox-esr with `build`, opens `path` of the portal, then the real sidebar. */
export async function startFirefoxSidebar(
  build: string,
  path = '/healthelife/results.html',
): Promise<FirefoxSidebarSession> {
  const portal = await startDemoPortal();
  let run: FirefoxRun | undefined;
  try {
    run = await launchFirefox(build);
    const [page] = await run.browser.pages();
    await (page ?? (await run.browser.newPage())).goto(`${portal.origin}${path}`);
    const sidebar = await openSidebar(run);
    const started = run;
    return {
      portal,
      run,
      sidebar,
      close: async () => {
        await started.close();
        await portal.close();
      },
    };
  } catch (error) {
    await run?.close();
    await portal.close();
    throw error;
  }
}

/** Creates a case from the sidebar's first-run form and waits for the case picker. */
export async function createCaseInSidebar(sidebar: FirefoxSidebar, title: string): Promise<void> {
  await sidebar.fill('[data-testid="case-new-title"]', title);
  await sidebar.click('[data-testid="case-create"]');
  await sidebar.waitFor(`(w) => !!w.document.querySelector('[data-testid="case-select"]')`);
}
