import { describe, expect, it } from 'vitest';
import { labTestIdentity, sameLabTest, type LabTestInput } from '../../../lib/labs';

/** A result as the identity sees it: `name`, or `name @ LOINC`, or `name [panel]`. */
function input(spec: string): LabTestInput {
  const panel = spec.match(/\[(.+)\]$/)?.[1];
  const rest = spec.replace(/\s*\[.+\]$/, '');
  const [test, loinc] = rest.split(' @ ');
  return { test: test!, loinc, panelName: panel };
}

// Written by hand: pairs a second-opinion doctor would read as the same test.
const MUST_MERGE: [string, string][] = [
  ['Glucose', 'Glucose, Random'],
  ['Glucose', 'GLU'],
  ['Glucose', 'Glucose Lvl'],
  ['Glucose, Random', 'Random Glucose'],
  ['Glucose, Serum', 'Glucose'],
  ['Glucose', 'Glucose @ 2345-7'],
  ['Glucose @ 2345-7', 'Glucose [Moles/volume] in Serum or Plasma @ 14749-6'],
  ['Glucose, Urine', 'UA Glucose'],
  ['Glucose [Urinalysis]', 'Glucose, Urine'],
  ['Glucose, POC', 'Glucose meter'],
  ['Hemoglobin', 'Hgb'],
  ['Hemoglobin', 'HGB'],
  ['Hemoglobin', 'Hemoglobin @ 718-7'],
  ['WBC', 'White Blood Cell Count'],
  ['WBC', 'Leukocytes @ 6690-2'],
  ['White blood cells', 'WBC (White Blood Cell Count)'],
  ['Potassium', 'K'],
  ['Potassium Lvl', 'POTASSIUM'],
  ['Sodium', 'Na'],
  ['Sodium Lvl', 'Sodium @ 2951-2'],
  ['Creatinine', 'Creatinine, Serum'],
  ['Creatinine', 'Creat'],
  ['Creatinine, Urine', 'Urine Creatinine'],
  ['BUN', 'Urea Nitrogen'],
  ['BUN', 'Blood Urea Nitrogen'],
  ['Hemoglobin A1c', 'HbA1c'],
  ['Hemoglobin A1c (HbA1c)', 'A1C'],
  ['T4, Free', 'Free T4'],
  ['Bilirubin, Total', 'Total Bilirubin'],
  ['Bilirubin', 'Bilirubin, Total'],
  ['PSA', 'Prostate Specific Antigen'],
  ['Calcium, Ionized', 'Ionized Calcium'],
  ['LDL Cholesterol', 'LDL-C'],
  ['Cholesterol, Total', 'Cholesterol'],
  ['TSH', 'Thyroid Stimulating Hormone'],
  ['Protein, Total', 'Total Protein'],
  ['Platelets', 'Platelet Count'],
  ['ALT', 'ALT (SGPT)'],
  ['Troponin T', 'Troponin T'],
  ['Troponin T.cardiac @ 6598-7', 'troponin t cardiac @ 6598-7'],
];

// Written by hand: look-alikes that must never share a row.
const MUST_NOT_MERGE: [string, string][] = [
  ['Hemoglobin A1c', 'Glucose'],
  ['Hemoglobin A1c', 'Hemoglobin'],
  ['HbA1c', 'Hgb'],
  ['Glucose', 'Glucose, Fasting'],
  ['Glucose', 'Glucose, Urine'],
  ['Glucose', 'Glucose, CSF'],
  ['Glucose', 'Glucose, POC'],
  ['Glucose @ 2345-7', 'Glucose @ 2339-0'],
  ['Glucose [Chemistry]', 'Glucose [Urinalysis]'],
  ['Free T4', 'T4'],
  ['T4, Free', 'T4, Total'],
  ['PSA, Free', 'PSA'],
  ['PSA, Free', 'PSA, Total'],
  ['Bilirubin, Direct', 'Bilirubin, Total'],
  ['Direct Bilirubin', 'Bilirubin'],
  ['Creatinine', 'Creatinine, Urine'],
  ['Creatinine @ 2160-0', 'Creatinine @ 2161-8'],
  ['Protein, Total', 'Protein, Urine'],
  ['Protein, CSF', 'Total Protein'],
  ['LDL Cholesterol', 'HDL Cholesterol'],
  ['LDL', 'HDL'],
  ['Cholesterol', 'HDL Cholesterol'],
  ['Calcium', 'Calcium, Ionized'],
  ['Calcium @ 17861-6', 'Ionized Calcium @ 1994-3'],
  ['Sodium', 'Potassium'],
  ['Na', 'K'],
  ['Sodium', 'Sodium, Urine'],
  ['WBC', 'WBC, Urine'],
  ['WBC', 'RBC'],
  ['Hemoglobin', 'Hematocrit'],
  ['CO2', 'Bicarbonate'],
  ['ALT', 'AST'],
  ['Troponin T', 'Troponin I'],
  ['Troponin T @ 6598-7', 'Troponin T @ 67151-1'],
  ['Vitamin D, 25-Hydroxy', 'Vitamin D, 1,25-Dihydroxy'],
];

describe('lab identity', () => {
  it('has at least 30 must-merge and 30 must-not-merge pairs', () => {
    expect(MUST_MERGE.length).toBeGreaterThanOrEqual(30);
    expect(MUST_NOT_MERGE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MUST_MERGE)('merges %s and %s', (a, b) => {
    expect(sameLabTest(input(a), input(b))).toBe(true);
    expect(sameLabTest(input(b), input(a))).toBe(true);
  });

  it.each(MUST_NOT_MERGE)('keeps %s apart from %s', (a, b) => {
    expect(sameLabTest(input(a), input(b))).toBe(false);
    expect(sameLabTest(input(b), input(a))).toBe(false);
  });

  it('names the specimen: a bare name means the usual one, the name or the panel can say otherwise', () => {
    expect(labTestIdentity(input('Glucose')).specimen).toBe('serum-plasma');
    expect(labTestIdentity(input('Hemoglobin')).specimen).toBe('blood');
    expect(labTestIdentity(input('Glucose, CSF')).specimen).toBe('csf');
    expect(labTestIdentity(input('Glucose [Urinalysis]')).specimen).toBe('urine');
    expect(labTestIdentity({ test: 'Protein', panelSpecimen: 'Urine, random' }).specimen).toBe('urine');
    // A "blood" panel is most often serum chemistry drawn from a vein: it does not make glucose whole blood.
    expect(labTestIdentity({ test: 'Glucose', panelName: 'Basic Metabolic Panel - Blood' }).specimen).toBe(
      'serum-plasma',
    );
  });

  it('carries what unit conversion needs: molar mass and charge', () => {
    expect(labTestIdentity(input('Glucose')).chemistry).toEqual({ molarMass: 180.16, charge: undefined });
    expect(labTestIdentity(input('Calcium')).chemistry).toEqual({ molarMass: 40.078, charge: 2 });
    expect(labTestIdentity(input('Troponin T')).chemistry).toEqual({});
  });
});
