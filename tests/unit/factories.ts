import type { CapturedRecord } from '../../lib/core/model';

/** A captured record as the capture script would produce it (synthetic content). */
export function capturedRecord(overrides: Partial<CapturedRecord> = {}): CapturedRecord {
  return {
    kind: 'lab',
    title: 'CBC with Differential',
    clinicalDate: '2026-10-28',
    provenance: {
      portal: 'generic',
      origin: 'http://127.0.0.1:8080',
      path: '/mychart/cbc.html',
      pageTitle: 'Test Details',
    },
    snapshotHtml: '<h1>CBC with Differential</h1><p>WBC 11.9 K/uL High</p>',
    text: 'CBC with Differential\nWBC 11.9 K/uL High',
    ...overrides,
  };
}
