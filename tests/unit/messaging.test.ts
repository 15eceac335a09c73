import { describe, expect, it, vi } from 'vitest';
import { dispatch, send, type Handlers } from '../../lib/core/messaging';
import { classifySender } from '../../lib/core/sender';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const okClip = {
  ok: true as const,
  data: { caseId: 'c', added: ['r'], duplicates: [], titles: ['CBC'], warnings: [] },
};

describe('classifySender', () => {
  it('tells extension pages, top frames, subframes and strangers apart', () => {
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' }, self)).toBe(
      'extension-page',
    );
    expect(
      classifySender(
        {
          id: 'ext-id',
          url: 'chrome-extension://ext-id/sidepanel.html',
          tab: { id: 3, url: 'chrome-extension://ext-id/sidepanel.html' },
        },
        self,
      ),
    ).toBe('extension-page');
    expect(classifySender({ id: 'ext-id', url: 'https://portal.example.org/', tab: { id: 3 }, frameId: 0 }, self)).toBe(
      'tab-top',
    );
    expect(classifySender({ id: 'ext-id', url: 'https://ads.example/', tab: { id: 3 }, frameId: 7 }, self)).toBe(
      'tab-subframe',
    );
    expect(classifySender({ id: 'other-ext', url: 'chrome-extension://other-ext/x.html' }, self)).toBe('other');
    // A content script cannot pass as an extension page by claiming our URL from inside a web tab.
    expect(
      classifySender(
        { id: 'ext-id', url: 'chrome-extension://ext-id/x.html', tab: { id: 3, url: 'https://evil.example/' } },
        self,
      ),
    ).toBe('other');
  });
});

describe('dispatch', () => {
  const handlers: Handlers = {
    'clip/tab': vi.fn(async () => okClip),
    'clip/preview': vi.fn(async () => ({ ok: true as const, data: { saved: true as const, result: okClip.data } })),
    'clip/save': vi.fn(async () => okClip),
    'clip/pending': vi.fn(async () => ({ ok: true as const, data: { alive: true } })),
    'clip/discard': vi.fn(async () => ({ ok: true as const, data: {} })),
  };

  it('passes a valid message from an allowed sender to its handler', async () => {
    expect(
      await dispatch(handlers, { type: 'clip/tab', payload: { tabId: 4, selectionOnly: false } }, 'extension-page'),
    ).toEqual(okClip);
    expect(handlers['clip/tab']).toHaveBeenCalledWith({ tabId: 4, selectionOnly: false });
  });

  it('refuses senders the message is not for, and drops invalid or foreign messages', async () => {
    vi.mocked(handlers['clip/tab']).mockClear();
    expect(
      await dispatch(handlers, { type: 'clip/tab', payload: { tabId: 4, selectionOnly: false } }, 'tab-top'),
    ).toEqual({ ok: false, error: 'forbidden' });
    expect(
      await dispatch(handlers, { type: 'clip/tab', payload: { tabId: -1, selectionOnly: false } }, 'extension-page'),
    ).toEqual({ ok: false, error: 'invalid-message' });
    expect(
      await dispatch(handlers, { type: 'clip/tab', payload: { tabId: 4, selectionOnly: 'yes' } }, 'extension-page'),
    ).toEqual({ ok: false, error: 'invalid-message' });
    expect(dispatch(handlers, { type: 'toString', payload: {} }, 'extension-page')).toBeUndefined();
    expect(dispatch(handlers, 'clip/tab', 'extension-page')).toBeUndefined();
    expect(dispatch(handlers, null, 'extension-page')).toBeUndefined();
    expect(handlers['clip/tab']).not.toHaveBeenCalled();
  });

  it('accepts saving a preview only from extension pages, with a token and indexes', async () => {
    const token = crypto.randomUUID();
    expect(await dispatch(handlers, { type: 'clip/save', payload: { token, indexes: [0, 2] } }, 'tab-top')).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(
      await dispatch(handlers, { type: 'clip/save', payload: { token: 'guess', indexes: [0] } }, 'extension-page'),
    ).toEqual({ ok: false, error: 'invalid-message' });
    expect(
      await dispatch(handlers, { type: 'clip/save', payload: { token, indexes: [-1] } }, 'extension-page'),
    ).toEqual({ ok: false, error: 'invalid-message' });
    expect(
      await dispatch(handlers, { type: 'clip/save', payload: { token, indexes: [0, 2] } }, 'extension-page'),
    ).toEqual(okClip);
  });
});

describe('send', () => {
  it('checks the shape of the reply', async () => {
    expect(await send(async () => okClip, 'clip/tab', { tabId: 1, selectionOnly: false })).toEqual(okClip);
    expect(
      await send(async () => ({ ok: true, data: 'nonsense' }), 'clip/tab', { tabId: 1, selectionOnly: false }),
    ).toEqual({ ok: false, error: 'invalid-response' });
    expect(await send(async () => undefined, 'clip/tab', { tabId: 1, selectionOnly: false })).toEqual({
      ok: false,
      error: 'invalid-response',
    });
  });
});
