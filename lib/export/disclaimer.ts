import { PACKAGE_TEXT_EN } from './package-text-en';

/**
 * What the package is and is not, on every page a reader may open first (INDEX.HTM, README.TXT, summary.pdf).
 * The product never gives medical advice; the doctor must know the records are the patient's own copies.
 * Each package language has its own wording (lib/export/package-text-*.ts); this is the English one.
 */
export const PACKAGE_DISCLAIMER = PACKAGE_TEXT_EN.disclaimer;
