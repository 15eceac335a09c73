import type { ImportOutcome, PickedFile } from '../../components/FileImport';
import type { CaseDb } from '../../lib/core/db';
import type { CaseId } from '../../lib/core/model';
import type { StudyFile } from '../../lib/imaging';

/** How far a long file import has got: bytes checked first (FHIR), then read. */
export interface FileImportProgress {
  done: number;
  total: number;
  checking: boolean;
}

/**
 * Imports the files the patient picked into a case: imaging studies (DICOM files, a zip of a CD or of a DICOM
 * download) and documents (PDF, images, saved pages, C-CDA, XDM, VA JSON, FHIR). The panel is an extension page:
 * it may write files straight into the database (DESIGN.md). The readers load on first use, not with the panel;
 * C-CDA is parsed by this page's own DOMParser (no XML library shipped).
 */
export async function importPickedFiles(
  db: CaseDb,
  caseId: CaseId,
  picked: PickedFile[],
  onProgress: (progress: FileImportProgress) => void,
): Promise<ImportOutcome[]> {
  const [{ importFiles }, { importStudies, sortChosenFiles }, { studyFilesFromZip }, readPage] = await Promise.all([
    import('../../lib/import/files'),
    import('../../lib/imaging'),
    import('./study-zip'),
    // Saved pages are read by the clip's own page reader and sanitized like a clip (the fallback
    // sanitizer loads first where the browser lacks the API).
    import('./page-reader').then(({ loadPageReader }) => loadPageReader()),
  ]);
  // A zip of a CD (DICOMDIR) or of a DICOM download is a study; other zips (XDM) are documents.
  const zipped: StudyFile[] = [];
  const rest: PickedFile[] = [];
  for (const p of picked) {
    const inside = /\.zip$/i.test(p.file.name) ? await studyFilesFromZip(p.file) : null;
    if (inside) zipped.push(...inside);
    else rest.push(p);
  }
  const { study, documents } = await sortChosenFiles(rest);
  const all = [...study, ...zipped];
  const studies = all.length > 0 ? await importStudies(db, caseId, all) : [];
  const files = await importFiles(
    db,
    caseId,
    documents.map((d) => d.file),
    (xml) => new DOMParser().parseFromString(xml, 'application/xml'),
    (done, total, phase) => onProgress({ done, total, checking: phase === 'checking' }),
    // Saved pages (.html, .xhtml) are read as pages, with this panel's own parser.
    { win: window, parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'), readPage },
  );
  return [...studies, ...files];
}
