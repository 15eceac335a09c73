import { browser } from 'wxt/browser';
import type { LetterFormat, LetterOutcome } from '../../components/LetterActions';
import type { Letter, LetterKind } from '../../lib/letters/make';

type LetterMaker = typeof import('../../lib/letters/make');

/** What to make: the letter (built once its module is loaded), its kind and who it is to, for the file name. */
export type LetterBuild = (make: LetterMaker) => { letter: Letter; kind: LetterKind; to: string };

/**
 * Makes the letter and saves it as PDF or text through the downloads API, or copies its text. The letter
 * module (wording and PDF writer) loads on first use, so it is not part of the panel's first load.
 */
export async function deliverLetter(build: LetterBuild, format: LetterFormat, today: string): Promise<LetterOutcome> {
  const make = await import('../../lib/letters/make');
  const { letter, kind, to } = build(make);
  const text = make.letterText(letter);
  if (format === 'copy') {
    try {
      await navigator.clipboard.writeText(text);
      return { kind: 'copied' };
    } catch {
      // The clipboard can refuse (no focus, no permission): show the text to copy by hand instead.
      return { kind: 'copy-by-hand', text };
    }
  }
  const blob =
    format === 'pdf'
      ? new Blob([(await make.letterPdf(letter, new Date())) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
      : new Blob([text], { type: 'text/plain;charset=utf-8' });
  const fileName = make.letterFileName(kind, to, today, format);
  const url = URL.createObjectURL(blob);
  try {
    await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // The download keeps its own copy once started; give a slow start a minute before letting go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { kind: 'saved', fileName };
}
