import { CaseId, ClinicalDate, RecordId, RecordKind } from './model';
import { z } from './schema';
import type { SenderClass } from './sender';

/** Errors that cross the message boundary; the panel turns each into a sentence from the catalogue. */
export const ErrorCode = z.enum([
  'no-active-case',
  'case-not-found',
  'not-scriptable',
  'no-site-access',
  'tab-closed',
  'page-too-large',
  'nothing-to-clip',
  'invalid-page-data',
  'storage-full',
  'storage-failed',
  'forbidden',
  'invalid-message',
  'invalid-response',
  'preview-expired',
  'unknown',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ClipRequest = z.object({
  tabId: z.number().check(z.int(), z.nonnegative()),
  selectionOnly: z.boolean(),
});

/** Why the portal tab could not keep a file it found (fetched with the user's session, sniffed, bounded). */
export const TabFileFailure = z.enum([
  'login-page',
  'unexpected-type',
  'empty',
  'http-error',
  'unreachable',
  'too-large',
  'timed-out',
  'released',
  'cross-origin',
  'unsupported-address',
]);

/** A file that was found but not kept, and why: failures are reported per attachment. */
export const AttachmentProblem = z.object({
  name: z.string().check(z.maxLength(200)),
  /** The tab's reason, or the background's: the file's chunks did not arrive whole. */
  reason: z.enum([...TabFileFailure.options, 'transfer-failed']),
  /** The file is shown inside the page (frame, embed, object) rather than linked from it. */
  embedded: z.optional(z.boolean()),
});
export type AttachmentProblem = z.infer<typeof AttachmentProblem>;

export const ClipResult = z.object({
  caseId: CaseId,
  added: z.array(RecordId),
  duplicates: z.array(RecordId),
  titles: z.array(z.string()),
  warnings: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
  attachmentsSaved: z.optional(z.number().check(z.int(), z.nonnegative())),
  attachmentProblems: z.optional(z.array(AttachmentProblem).check(z.maxLength(2000))),
  /** Titles of the saved records that hold nothing but their title (no text, results or file). */
  titleOnly: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(500))),
});
export type ClipResult = z.infer<typeof ClipResult>;

/** Where a running clip is, for the panel ("Reading the page…", "Saving…"). */
export const ClipProgress = z.union([
  z.object({ phase: z.enum(['reading', 'saving']) }),
  z.object({
    phase: z.literal('transferring'),
    done: z.number().check(z.nonnegative()),
    total: z.number().check(z.nonnegative()),
  }),
]);
export type ClipProgress = z.infer<typeof ClipProgress>;

/** What the panel shows before saving a page that yielded several records. */
export const RecordSummary = z.object({
  title: z.string().check(z.maxLength(1000)),
  kind: RecordKind,
  clinicalDate: z.optional(ClinicalDate),
  rows: z.optional(z.number().check(z.int(), z.nonnegative())),
  attachments: z
    .array(
      z.object({
        name: z.string().check(z.maxLength(200)),
        mediaType: z.string().check(z.maxLength(100)),
        size: z.number(),
      }),
    )
    .check(z.maxLength(100)),
  failed: z.array(AttachmentProblem).check(z.maxLength(100)),
  /** Nothing but the title was captured (no text, results or file). */
  titleOnly: z.optional(z.boolean()),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const ClipPreview = z.union([
  /** One record: saved at once, as before. */
  z.object({ saved: z.literal(true), result: ClipResult }),
  z.object({
    saved: z.literal(false),
    token: z.uuid(),
    records: z.array(RecordSummary).check(z.maxLength(500)),
    warnings: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
  }),
]);
export type ClipPreview = z.infer<typeof ClipPreview>;

export const ClipSaveRequest = z.object({
  token: z.uuid(),
  /** Indexes into the preview's records; the rest are dropped. */
  indexes: z.array(z.number().check(z.int(), z.nonnegative())).check(z.maxLength(500)),
});

interface MessageSpec {
  request: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Which senders may send it: destructive and export commands only from extension pages. */
  from: 'extension-page' | 'tab';
}

export const protocol = {
  'clip/tab': { request: ClipRequest, response: ClipResult, from: 'extension-page' },
  'clip/preview': { request: ClipRequest, response: ClipPreview, from: 'extension-page' },
  'clip/save': { request: ClipSaveRequest, response: ClipResult, from: 'extension-page' },
  'clip/pending': {
    request: z.object({ token: z.uuid() }),
    response: z.object({ alive: z.boolean() }),
    from: 'extension-page',
  },
  'clip/discard': { request: z.object({ token: z.uuid() }), response: z.object({}), from: 'extension-page' },
} satisfies Record<string, MessageSpec>;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.infer<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof protocol)[N]['response']>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorCode };

const Envelope = z.object({ type: z.string().check(z.maxLength(100)), payload: z.unknown() });

const resultSchema = <T extends z.ZodMiniType>(data: T) =>
  z.union([z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: ErrorCode })]);

/** Sends a typed message and checks the reply's shape; `transport` is `browser.runtime.sendMessage`. */
export async function send<N extends MessageName>(
  transport: (message: unknown) => Promise<unknown>,
  type: N,
  payload: RequestOf<N>,
): Promise<Result<ResponseOf<N>>> {
  const reply = resultSchema(protocol[type].response).safeParse(await transport({ type, payload }));
  return reply.success ? (reply.data as Result<ResponseOf<N>>) : { ok: false, error: 'invalid-response' };
}

export type Handlers = {
  [N in MessageName]: (payload: RequestOf<N>) => Promise<Result<ResponseOf<N>>>;
};

const allowed = (from: MessageSpec['from'], sender: SenderClass) =>
  from === 'extension-page' ? sender === 'extension-page' : sender === 'tab-top';

/**
 * Receives a raw message: drops what is not ours, refuses senders the message is not for, and parses
 * the payload before any handler sees it. Returns undefined for messages that are not ours.
 */
export function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderClass,
): Promise<Result<unknown>> | undefined {
  const envelope = Envelope.safeParse(message);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) return undefined;
  const type = envelope.data.type as MessageName;
  const spec = protocol[type];
  if (!allowed(spec.from, sender)) return Promise.resolve({ ok: false, error: 'forbidden' });
  const payload = spec.request.safeParse(envelope.data.payload);
  if (!payload.success) return Promise.resolve({ ok: false, error: 'invalid-message' });
  return handlers[type](payload.data as never);
}
