import { useState } from 'preact/hooks';
import { useT, type MessageKey } from './i18n';

/** What became of a letter action: a saved file, copied text, text to copy by hand, or why it could not be made. */
export type LetterOutcome =
  | { kind: 'saved'; fileName: string }
  | { kind: 'copied' }
  | { kind: 'copy-by-hand'; text: string }
  | { kind: 'problems'; problems: string[] }
  | { kind: 'failed'; error: string };

export type LetterFormat = 'pdf' | 'txt' | 'copy';

export interface LetterActionsProps {
  /** Makes the letter in the asked format; resolves with what happened. */
  onLetter: (format: LetterFormat) => Promise<LetterOutcome>;
  testId: string;
}

/** Download the letter as PDF or text, or copy its text; problems are named and nothing typed is touched. */
export function LetterActions({ onLetter, testId }: LetterActionsProps) {
  const t = useT();
  const [outcome, setOutcome] = useState<LetterOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const act = (format: LetterFormat) => {
    setBusy(true);
    void onLetter(format)
      .catch((error: unknown) => ({
        kind: 'failed' as const,
        error: error instanceof Error ? error.message : String(error),
      }))
      .then((result) => {
        setOutcome(result);
        setBusy(false);
      });
  };
  return (
    <div class="stack tight" data-testid={testId}>
      <div class="row">
        <button type="button" disabled={busy} data-testid={`${testId}-pdf`} onClick={() => act('pdf')}>
          {t('letterPdf')}
        </button>
        <button type="button" disabled={busy} data-testid={`${testId}-txt`} onClick={() => act('txt')}>
          {t('letterText')}
        </button>
        <button type="button" disabled={busy} data-testid={`${testId}-copy`} onClick={() => act('copy')}>
          {t('letterCopy')}
        </button>
      </div>
      {outcome?.kind === 'problems' || outcome?.kind === 'failed' ? (
        <div role="alert" class="notice" data-testid={`${testId}-problems`}>
          {outcome.kind === 'failed' ? (
            t('letterFailed', [outcome.error])
          ) : (
            <>
              {t('letterProblems')}
              <ul>
                {outcome.problems.map((key) => (
                  <li key={key}>{t(key as MessageKey)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      <p role="status" class="muted" data-testid={`${testId}-status`}>
        {outcome?.kind === 'saved' ? t('letterSaved', [outcome.fileName]) : null}
        {outcome?.kind === 'copied' ? t('letterCopied') : null}
        {outcome?.kind === 'copy-by-hand' ? t('letterCopyFailed') : null}
      </p>
      {outcome?.kind === 'copy-by-hand' ? (
        <label class="field">
          {t('letterTextLabel')}
          <textarea readOnly rows={10} value={outcome.text} data-testid={`${testId}-text`} />
        </label>
      ) : null}
    </div>
  );
}

/** The catalogue key of a letter problem (`no-provider` -> `problem_no_provider`). */
export const problemKey = (problem: string) => `problem_${problem.replace(/-/g, '_')}`;
