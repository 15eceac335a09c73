/**
 * What the package is and is not, on every page a reader may open first (INDEX.HTM, README.TXT, summary.pdf).
 * The product never gives medical advice; the doctor must know the records are the patient's own copies.
 */
export const PACKAGE_DISCLAIMER =
  "This is the patient's own copy of their records, collected by them from their patient portals. " +
  'It is not medical advice, it may be incomplete, and the original records remain with the providers who wrote them.';
