/**
 * A minimal DevTools-protocol client for one page target. Playwright does not expose the side panel
 * (a separate page target), so tests attach to it directly over its WebSocket.
 */
export class CdpPage {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? [])
          listener({ ...message.params, sessionId: (message as { sessionId?: string }).sessionId });
      }
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    socket.addEventListener('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('page closed'));
      this.pending.clear();
    });
  }

  static async connect(webSocketUrl: string): Promise<CdpPage> {
    const socket = new WebSocket(webSocketUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot attach to ${webSocketUrl}`)), { once: true });
    });
    return new CdpPage(socket);
  }

  /** Listens to a protocol event (enable its domain first, e.g. `Page.enable`). */
  on(method: string, listener: (params: Record<string, unknown>) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** `sessionId` addresses a child target attached with `Target.setAutoAttach({flatten: true})`. */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Runs `fn(...args)` in the page and returns its (awaited, JSON-serialisable) result. */
  async evaluate<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
    const reply = await this.send<{
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true });
    if (reply.exceptionDetails)
      throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as T;
  }

  async waitFor<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, args: A, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await this.evaluate(fn, ...args);
        if (value) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn.toString().slice(0, 160)} ${last ?? ''}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  waitForSelector(selector: string, timeoutMs?: number) {
    return this.waitFor((s: string) => document.querySelector(s) !== null, [selector], timeoutMs);
  }

  /** Waits until the element's text contains `text`; returns the whole text. */
  async waitForText(selector: string, text: string, timeoutMs?: number): Promise<string> {
    try {
      return await this.waitFor(
        (s: string, t: string) => {
          const content = document.querySelector(s)?.textContent ?? '';
          return content.includes(t) ? content : '';
        },
        [selector, text],
        timeoutMs,
      );
    } catch {
      throw new Error(
        `"${text}" never appeared in ${selector}; it shows: "${await this.text(selector).catch(() => '?')}"`,
      );
    }
  }

  text(selector: string): Promise<string> {
    return this.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);
  }

  /** A real mouse click at the element's centre (a trusted event, like a user's). */
  async click(selector: string): Promise<void> {
    // Like a user, wait until the control exists and is enabled.
    await this.waitFor(
      (s: string) => {
        const el = document.querySelector<HTMLButtonElement>(s);
        return el !== null && !el.disabled;
      },
      [selector],
    );
    const box = await this.evaluate((s: string) => {
      const el = document.querySelector(s)!;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, selector);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    }
  }

  /** Types into an input as a user would (focus, select all, insert text). */
  async fill(selector: string, value: string): Promise<void> {
    // Like a user, wait for the field, type, and look at what the field now shows (a view that renders
    // again while it mounts can replace the field under the typing: then type again).
    for (let attempt = 0; ; attempt++) {
      await this.waitFor((s: string) => document.querySelector(s) !== null, [selector]);
      await this.evaluate((s: string) => {
        const el = document.querySelector<HTMLInputElement>(s)!;
        el.focus();
        el.select();
      }, selector);
      await this.send('Input.insertText', { text: value });
      const shown = await this.waitFor(
        (s: string, v: string) => document.querySelector<HTMLInputElement>(s)?.value === v,
        [selector, value],
        2_000,
      ).catch(() => false);
      if (shown || attempt >= 2) return;
    }
  }

  /** A real key press (trusted keyDown, char, keyUp) on whatever has focus: Tab, Enter, Space, Escape, letters. */
  async press(key: 'Tab' | 'Enter' | ' ' | 'Escape' | string, modifiers = 0): Promise<void> {
    const named: Record<string, { code: string; keyCode: number; text?: string }> = {
      Tab: { code: 'Tab', keyCode: 9 },
      Enter: { code: 'Enter', keyCode: 13, text: '\r' },
      ' ': { code: 'Space', keyCode: 32, text: ' ' },
      Escape: { code: 'Escape', keyCode: 27 },
      ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
      ArrowRight: { code: 'ArrowRight', keyCode: 39 },
      ArrowDown: { code: 'ArrowDown', keyCode: 40 },
      ArrowUp: { code: 'ArrowUp', keyCode: 38 },
    };
    const info = named[key] ?? { code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0), text: key };
    const base = { key, code: info.code, windowsVirtualKeyCode: info.keyCode, modifiers };
    await this.send('Input.dispatchKeyEvent', { type: info.text ? 'keyDown' : 'rawKeyDown', ...base, text: info.text });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  }

  /** Where keyboard focus is, as a short description (test id, or tag and text). */
  focused(): Promise<string> {
    return this.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      return el.dataset.testid ?? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}`;
    });
  }

  close(): void {
    this.socket.close();
  }
}
