import type { MessageName, RequestOf } from '../../lib/core/messaging';
import { protocol } from '../../lib/core/messaging';

/** A well-formed request for every command the background accepts, so a refusal is by sender, not by shape. */
type Samples = { [N in MessageName]: (ctx: { tabId: number; token: string }) => RequestOf<N> };
export const SAMPLES: Samples = {
  'clip/tab': ({ tabId }) => ({ tabId, selectionOnly: false }),
  'clip/preview': ({ tabId }) => ({ tabId, selectionOnly: false }),
  'clip/save': ({ token }) => ({ token, indexes: [0, 1] }),
  'clip/pending': ({ token }) => ({ token }),
  'clip/discard': ({ token }) => ({ token }),
};

/** Every command of lib/core/messaging.ts's protocol: a new command is forged without editing the tests. */
export const COMMANDS = Object.keys(protocol) as MessageName[];

/** Each command, well-formed, as a tab would forge it. */
export const forgedCommands = (ctx: { tabId: number; token: string }) =>
  COMMANDS.map((type) => ({ type, payload: SAMPLES[type](ctx) }));
