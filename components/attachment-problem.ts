import type { AttachmentProblem } from '../lib/core/messaging';
import type { MessageKey, Translate } from './i18n';

/** One file that was not kept, in a sentence; embedded documents say so and how to add them by hand. */
export function problemText(t: Translate, problem: AttachmentProblem): string {
  const reason =
    problem.embedded && problem.reason === 'too-large' ? 'too_large_embedded' : problem.reason.replace(/-/g, '_');
  const because = t(`attachmentReason_${reason}` as MessageKey);
  return problem.embedded
    ? t('clipEmbeddedProblem', [problem.name, because])
    : t('clipAttachmentProblem', [problem.name, because]);
}

/** The summary line for embedded documents that could not be copied, or null when there are none. */
export function embeddedSummary(t: Translate, problems: AttachmentProblem[]): string | null {
  const count = problems.filter((p) => p.embedded).length;
  if (count === 0) return null;
  return count === 1 ? t('clipEmbeddedNotCopiedOne') : t('clipEmbeddedNotCopiedMany', [count]);
}
