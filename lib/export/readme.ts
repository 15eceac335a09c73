import type { Case } from '../core/model';
import { packageText, type DocumentLanguage } from './package-text';

/** README.TXT: plain text for anyone who opens the zip without knowing what it is. */
export function readmeText(
  caseData: Case,
  generatedAt: Date,
  generator: string,
  paths: string[],
  language: DocumentLanguage = 'en',
): string {
  const text = packageText(language);
  return [
    ...text.readme({
      title: caseData.title,
      date: generatedAt.toISOString().slice(0, 10),
      generator,
      disclaimer: text.disclaimer,
    }),
    ...paths.map((path) => `  ${path}`),
    '',
  ].join('\r\n');
}
