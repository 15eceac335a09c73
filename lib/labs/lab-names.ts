// The curated table behind the lab identity: which printed names and LOINC codes are one test.
// Kept deliberately narrow: a name absent here is matched only by its own spelling, never by a guess.
// Compact on purpose (it ships in the panel and the exporter): one line per analyte.

/** Where the sample came from. Serum and plasma are one (LOINC's "Ser/Plas"); whole blood is not. */
export type Specimen = 'serum-plasma' | 'blood' | 'urine' | 'csf' | 'fluid';

export interface Analyte {
  id: string;
  /** Printed name variants; word order, case and punctuation do not matter. */
  names: string[];
  /** The specimen a bare name means ("Glucose" is serum/plasma, "Hemoglobin" whole blood). */
  specimen: Specimen;
  /** LOINC codes of this analyte and the specimen each one names. */
  loinc: Record<string, Specimen>;
  /** g/mol, for mass <-> substance concentration. */
  molarMass?: number;
  /** |charge|, for mEq <-> mmol. */
  charge?: number;
}

const SP = 'serum-plasma';

/**
 * `names` separated by `|`; `loinc` codes separated by spaces, each in the analyte's usual specimen
 * unless it says another (`2339-0:blood`); molar mass 0 means none.
 */
function analyte(
  id: string,
  names: string,
  specimen: Specimen,
  loinc: string,
  molarMass = 0,
  charge?: number,
): Analyte {
  return {
    id,
    names: names.split('|'),
    specimen,
    loinc: Object.fromEntries(
      loinc
        .split(' ')
        .filter(Boolean)
        .map((code) => {
          const [c, s] = code.split(':');
          return [c!, (s as Specimen | undefined) ?? specimen];
        }),
    ),
    ...(molarMass ? { molarMass } : {}),
    ...(charge ? { charge } : {}),
  };
}

export const ANALYTES: Analyte[] = [
  analyte(
    'glucose',
    'glucose|glu|gluc|glucose lvl',
    SP,
    '2345-7 14749-6 2339-0:blood 15074-8:blood 41653-7:blood',
    180.16,
  ),
  analyte(
    'glucose-fasting',
    'glucose fasting|fasting glucose|fbg|fbs|fasting blood sugar|fasting blood glucose',
    SP,
    '1558-6',
    180.16,
  ),
  analyte(
    'hba1c',
    'hemoglobin a1c|hba1c|a1c|hgb a1c|hb a1c|glycated hemoglobin|glycohemoglobin',
    'blood',
    '4548-4 17856-6',
  ),
  analyte('hemoglobin', 'hemoglobin|haemoglobin|hgb|hb', 'blood', '718-7'),
  analyte(
    'wbc',
    'wbc|wbc count|white blood cell count|white blood cells|white blood cell|white cell count|leukocytes|leukocyte count',
    'blood',
    '6690-2 26464-8',
  ),
  analyte(
    'rbc',
    'rbc|rbc count|red blood cell count|red blood cells|red cell count|erythrocytes',
    'blood',
    '789-8 26453-1',
  ),
  analyte('hematocrit', 'hematocrit|haematocrit|hct', 'blood', '4544-3'),
  analyte('platelets', 'platelets|platelet count|platelet|plt', 'blood', '777-3 26515-7'),
  analyte('potassium', 'potassium|k', SP, '2823-3 6298-4:blood 2828-2:urine', 39.098, 1),
  analyte('sodium', 'sodium|na', SP, '2951-2 2947-0:blood 2955-3:urine', 22.99, 1),
  analyte('chloride', 'chloride|cl', SP, '2075-0', 35.45, 1),
  analyte('co2-total', 'co2|co2 total|total co2|tco2|carbon dioxide|carbon dioxide total', SP, '2028-9'),
  analyte('bicarbonate', 'bicarbonate|hco3', SP, '1963-8', 0, 1),
  analyte('creatinine', 'creatinine|creat|cr', SP, '2160-0 14682-9 38483-4:blood 2161-8:urine 14683-7:urine', 113.12),
  // Urea nitrogen is reported as N: 2 x 14.007 g per mol of urea.
  analyte('urea-nitrogen', 'bun|urea nitrogen|blood urea nitrogen', SP, '3094-0 6299-2:blood', 28.014),
  analyte('calcium', 'calcium|ca|calcium total|total calcium', SP, '17861-6 2000-8', 40.078, 2),
  analyte(
    'calcium-ionized',
    'calcium ionized|ionized calcium|ica|ca ionized|calcium free',
    'blood',
    '1994-3',
    40.078,
    2,
  ),
  analyte('magnesium', 'magnesium|mg', SP, '19123-9', 24.305, 2),
  analyte('phosphorus', 'phosphorus|phosphate|phos|inorganic phosphorus', SP, '2777-1', 30.974),
  analyte('albumin', 'albumin|alb', SP, '1751-7'),
  analyte('protein-total', 'protein|protein total|total protein|tp', SP, '2885-2 2888-6:urine'),
  analyte('bilirubin-total', 'bilirubin|bilirubin total|total bilirubin|tbili|t bili|bili total', SP, '1975-2', 584.66),
  analyte(
    'bilirubin-direct',
    'bilirubin direct|direct bilirubin|dbili|d bili|bilirubin conjugated|conjugated bilirubin',
    SP,
    '1968-7',
    584.66,
  ),
  analyte('cholesterol-total', 'cholesterol|cholesterol total|total cholesterol|chol', SP, '2093-3', 386.65),
  analyte('cholesterol-hdl', 'hdl|hdl c|hdl cholesterol|cholesterol hdl|cholesterol in hdl', SP, '2085-9', 386.65),
  analyte(
    'cholesterol-ldl',
    'ldl|ldl c|ldl cholesterol|cholesterol ldl|ldl calculated|ldl cholesterol calculated',
    SP,
    '13457-7 18262-6 2089-1',
    386.65,
  ),
  // As triolein, the conventional factor (mg/dL x 0.01129 = mmol/L).
  analyte('triglycerides', 'triglycerides|triglyceride|trig|trigs|tg', SP, '2571-8', 885.7),
  analyte('tsh', 'tsh|thyroid stimulating hormone|thyrotropin', SP, '3016-3 11580-8'),
  analyte('t4-free', 'free t4|ft4|thyroxine free|free thyroxine', SP, '3024-7'),
  analyte('t4-total', 't4|t4 total|thyroxine|thyroxine total', SP, '3026-2'),
  analyte('psa-total', 'psa|psa total|prostate specific antigen|prostate specific ag', SP, '2857-1'),
  analyte('psa-free', 'psa free|free psa', SP, '10886-0'),
  analyte('alt', 'alt|sgpt|alt sgpt|alanine aminotransferase|alanine transaminase', SP, '1742-6'),
  analyte('ast', 'ast|sgot|ast sgot|aspartate aminotransferase|aspartate transaminase', SP, '1920-8'),
  analyte('alkaline-phosphatase', 'alkaline phosphatase|alk phos|alkp|alp', SP, '6768-6'),
  analyte('egfr', 'egfr|estimated gfr|gfr estimated', SP, ''),
  analyte('uric-acid', 'uric acid|urate', SP, '3084-1', 168.11),
  analyte('ferritin', 'ferritin', SP, '2276-4'),
  analyte('inr', 'inr', 'blood', '6301-6'),
];
