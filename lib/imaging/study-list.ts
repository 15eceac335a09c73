import type { ImagingStudy } from '../core/model';
import type { DicomInstance } from './dicom-instance';

/** One study found among the files, with the files that hold it (in the order given). */
export interface FoundStudy<F> {
  study: ImagingStudy;
  files: F[];
}

const UNKNOWN = '';

/**
 * Groups instances into studies (Study Instance UID) and series (Series Instance UID), in the patient-free
 * shape the record keeps: description, modalities, date, series with their instance counts. An instance
 * without a study UID is a study of its own kind (all such files together), so nothing is dropped.
 */
export function studyList<F>(instances: { instance: DicomInstance; file: F }[]): FoundStudy<F>[] {
  const studies = new Map<string, { instance: DicomInstance; file: F }[]>();
  for (const item of instances) {
    const key = item.instance.studyUid ?? UNKNOWN;
    studies.set(key, [...(studies.get(key) ?? []), item]);
  }
  return [...studies.values()].map((items) => {
    const first = items[0]!.instance;
    const series = new Map<string, DicomInstance[]>();
    for (const { instance } of items) {
      const key = instance.seriesUid ?? UNKNOWN;
      series.set(key, [...(series.get(key) ?? []), instance]);
    }
    const seriesList = [...series.values()]
      .map((members) => {
        const head = members[0]!;
        return {
          ...(head.seriesUid ? { uid: head.seriesUid } : {}),
          ...(head.modality ? { modality: head.modality } : {}),
          ...(firstText(members, (m) => m.seriesDescription)
            ? { description: firstText(members, (m) => m.seriesDescription) }
            : {}),
          ...(firstText(members, (m) => m.bodyPart) ? { bodyPart: firstText(members, (m) => m.bodyPart) } : {}),
          instances: new Set(members.map((m, i) => m.sopInstanceUid ?? `#${i}`)).size,
          number: head.seriesNumber,
        };
      })
      .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.uid ?? '').localeCompare(b.uid ?? ''))
      .map(({ number: _number, ...rest }) => rest);
    const modalities = [...new Set(items.map((i) => i.instance.modality).filter((m): m is string => !!m))];
    const description = firstText(
      items.map((i) => i.instance),
      (m) => m.studyDescription,
    );
    const date = firstText(
      items.map((i) => i.instance),
      (m) => m.studyDate,
    );
    const study: ImagingStudy = {
      type: 'imaging-study',
      ...(first.studyUid ? { studyInstanceUid: first.studyUid } : {}),
      ...(description ? { description } : {}),
      modalities,
      ...(date ? { date } : {}),
      series: seriesList,
      instances: seriesList.reduce((n, s) => n + s.instances, 0),
    };
    return { study, files: items.map((i) => i.file) };
  });
}

function firstText(instances: DicomInstance[], pick: (i: DicomInstance) => string | undefined): string | undefined {
  for (const instance of instances) {
    const value = pick(instance);
    if (value) return value;
  }
  return undefined;
}
