import type { DocumentLanguage } from '../core/document-language';

/** A paragraph, or a bulleted list of items. */
export type LetterBlock = string | { items: string[] };

/** A letter as the patient will send it, in one language; rendered to plain text and to PDF. */
export interface Letter {
  language: DocumentLanguage;
  /** The document's title (PDF metadata and heading). */
  title: string;
  /** Who it is from, a line each (name, date of birth, contact). */
  from: string[];
  /** The date, written out in the letter's language. */
  date: string;
  /** Who it is to, a line each; several recipients are separated by an empty line. */
  to: string[];
  subject: string;
  salutation: string;
  body: LetterBlock[];
  closing: string;
  /** Lines under the closing: the name and a place to sign. */
  signature: string[];
}

/** The letter as plain text, to print, email or paste into a portal's message form. */
export function letterText(letter: Letter): string {
  const lines: string[] = [
    ...letter.from,
    '',
    letter.date,
    '',
    ...letter.to,
    '',
    letter.subject,
    '',
    letter.salutation,
  ];
  for (const block of letter.body) {
    lines.push('');
    if (typeof block === 'string') lines.push(block);
    else lines.push(...block.items.map((item) => `- ${item}`));
  }
  lines.push('', letter.closing, '', ...letter.signature);
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
