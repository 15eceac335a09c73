import { PdfFlow } from '../export';
import { deflateZlib } from '../zip';
import type { Letter } from './letter';

/** The letter as a one- or two-page PDF in the standard fonts (WinAnsi carries á, é, ñ, ¿). */
export function letterPdf(letter: Letter, created: Date, pageSize: 'letter' | 'a4' = 'letter'): Promise<Uint8Array> {
  const flow = new PdfFlow(pageSize);
  for (const line of letter.from) flow.text(line);
  flow.space(14);
  flow.text(letter.date);
  flow.space(14);
  for (const line of letter.to) flow.text(line);
  flow.space(14);
  flow.text(letter.subject, { bold: true });
  flow.space(10);
  flow.text(letter.salutation);
  for (const block of letter.body) {
    flow.space(8);
    if (typeof block === 'string') flow.text(block);
    else for (const item of block.items) flow.text(`\u2022 ${item}`, { indent: 12 });
  }
  flow.space(12);
  flow.text(letter.closing);
  flow.space(18);
  for (const line of letter.signature) flow.text(line || ' ');
  return flow.save({ title: letter.title, creator: 'Second Look', producer: 'Second Look', created }, deflateZlib);
}
