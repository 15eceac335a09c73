// The curated table behind the lab identity: which printed names and LOINC codes are one test.
// Kept deliberately narrow: a name absent here is matched only by its own spelling, never by a guess.

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
export const ANALYTES: Analyte[] = [
  {
    id: 'glucose',
    names: ['glucose', 'glu', 'gluc', 'glucose lvl'],
    specimen: SP,
    loinc: { '2345-7': SP, '14749-6': SP, '2339-0': 'blood', '15074-8': 'blood', '41653-7': 'blood' },
    molarMass: 180.16,
  },
  {
    id: 'glucose-fasting',
    names: ['glucose fasting', 'fasting glucose', 'fbg', 'fbs', 'fasting blood sugar', 'fasting blood glucose'],
    specimen: SP,
    loinc: { '1558-6': SP },
    molarMass: 180.16,
  },
  {
    id: 'hba1c',
    names: ['hemoglobin a1c', 'hba1c', 'a1c', 'hgb a1c', 'hb a1c', 'glycated hemoglobin', 'glycohemoglobin'],
    specimen: 'blood',
    loinc: { '4548-4': 'blood', '17856-6': 'blood' },
  },
  {
    id: 'hemoglobin',
    names: ['hemoglobin', 'haemoglobin', 'hgb', 'hb'],
    specimen: 'blood',
    loinc: { '718-7': 'blood' },
  },
  {
    id: 'wbc',
    names: [
      'wbc',
      'wbc count',
      'white blood cell count',
      'white blood cells',
      'white blood cell',
      'white cell count',
      'leukocytes',
      'leukocyte count',
    ],
    specimen: 'blood',
    loinc: { '6690-2': 'blood', '26464-8': 'blood' },
  },
  {
    id: 'rbc',
    names: ['rbc', 'rbc count', 'red blood cell count', 'red blood cells', 'red cell count', 'erythrocytes'],
    specimen: 'blood',
    loinc: { '789-8': 'blood', '26453-1': 'blood' },
  },
  { id: 'hematocrit', names: ['hematocrit', 'haematocrit', 'hct'], specimen: 'blood', loinc: { '4544-3': 'blood' } },
  {
    id: 'platelets',
    names: ['platelets', 'platelet count', 'platelet', 'plt'],
    specimen: 'blood',
    loinc: { '777-3': 'blood', '26515-7': 'blood' },
  },
  {
    id: 'potassium',
    names: ['potassium', 'k'],
    specimen: SP,
    loinc: { '2823-3': SP, '6298-4': 'blood', '2828-2': 'urine' },
    molarMass: 39.098,
    charge: 1,
  },
  {
    id: 'sodium',
    names: ['sodium', 'na'],
    specimen: SP,
    loinc: { '2951-2': SP, '2947-0': 'blood', '2955-3': 'urine' },
    molarMass: 22.99,
    charge: 1,
  },
  { id: 'chloride', names: ['chloride', 'cl'], specimen: SP, loinc: { '2075-0': SP }, molarMass: 35.45, charge: 1 },
  {
    id: 'co2-total',
    names: ['co2', 'co2 total', 'total co2', 'tco2', 'carbon dioxide', 'carbon dioxide total'],
    specimen: SP,
    loinc: { '2028-9': SP },
  },
  { id: 'bicarbonate', names: ['bicarbonate', 'hco3'], specimen: SP, loinc: { '1963-8': SP }, charge: 1 },
  {
    id: 'creatinine',
    names: ['creatinine', 'creat', 'cr'],
    specimen: SP,
    loinc: { '2160-0': SP, '14682-9': SP, '38483-4': 'blood', '2161-8': 'urine', '14683-7': 'urine' },
    molarMass: 113.12,
  },
  {
    id: 'urea-nitrogen',
    names: ['bun', 'urea nitrogen', 'blood urea nitrogen'],
    specimen: SP,
    loinc: { '3094-0': SP, '6299-2': 'blood' },
    // Urea nitrogen is reported as N: 2 x 14.007 g per mol of urea.
    molarMass: 28.014,
  },
  {
    id: 'calcium',
    names: ['calcium', 'ca', 'calcium total', 'total calcium'],
    specimen: SP,
    loinc: { '17861-6': SP, '2000-8': SP },
    molarMass: 40.078,
    charge: 2,
  },
  {
    id: 'calcium-ionized',
    names: ['calcium ionized', 'ionized calcium', 'ica', 'ca ionized', 'calcium free'],
    specimen: 'blood',
    loinc: { '1994-3': 'blood' },
    molarMass: 40.078,
    charge: 2,
  },
  { id: 'magnesium', names: ['magnesium', 'mg'], specimen: SP, loinc: { '19123-9': SP }, molarMass: 24.305, charge: 2 },
  {
    id: 'phosphorus',
    names: ['phosphorus', 'phosphate', 'phos', 'inorganic phosphorus'],
    specimen: SP,
    loinc: { '2777-1': SP },
    molarMass: 30.974,
  },
  { id: 'albumin', names: ['albumin', 'alb'], specimen: SP, loinc: { '1751-7': SP } },
  {
    id: 'protein-total',
    names: ['protein', 'protein total', 'total protein', 'tp'],
    specimen: SP,
    loinc: { '2885-2': SP, '2888-6': 'urine' },
  },
  {
    id: 'bilirubin-total',
    names: ['bilirubin', 'bilirubin total', 'total bilirubin', 'tbili', 't bili', 'bili total'],
    specimen: SP,
    loinc: { '1975-2': SP },
    molarMass: 584.66,
  },
  {
    id: 'bilirubin-direct',
    names: ['bilirubin direct', 'direct bilirubin', 'dbili', 'd bili', 'bilirubin conjugated', 'conjugated bilirubin'],
    specimen: SP,
    loinc: { '1968-7': SP },
    molarMass: 584.66,
  },
  {
    id: 'cholesterol-total',
    names: ['cholesterol', 'cholesterol total', 'total cholesterol', 'chol'],
    specimen: SP,
    loinc: { '2093-3': SP },
    molarMass: 386.65,
  },
  {
    id: 'cholesterol-hdl',
    names: ['hdl', 'hdl c', 'hdl cholesterol', 'cholesterol hdl', 'cholesterol in hdl'],
    specimen: SP,
    loinc: { '2085-9': SP },
    molarMass: 386.65,
  },
  {
    id: 'cholesterol-ldl',
    names: ['ldl', 'ldl c', 'ldl cholesterol', 'cholesterol ldl', 'ldl calculated', 'ldl cholesterol calculated'],
    specimen: SP,
    loinc: { '13457-7': SP, '18262-6': SP, '2089-1': SP },
    molarMass: 386.65,
  },
  {
    id: 'triglycerides',
    names: ['triglycerides', 'triglyceride', 'trig', 'trigs', 'tg'],
    specimen: SP,
    loinc: { '2571-8': SP },
    // As triolein, the conventional factor (mg/dL x 0.01129 = mmol/L).
    molarMass: 885.7,
  },
  {
    id: 'tsh',
    names: ['tsh', 'thyroid stimulating hormone', 'thyrotropin'],
    specimen: SP,
    loinc: { '3016-3': SP, '11580-8': SP },
  },
  {
    id: 't4-free',
    names: ['free t4', 'ft4', 'thyroxine free', 'free thyroxine'],
    specimen: SP,
    loinc: { '3024-7': SP },
  },
  { id: 't4-total', names: ['t4', 't4 total', 'thyroxine', 'thyroxine total'], specimen: SP, loinc: { '3026-2': SP } },
  {
    id: 'psa-total',
    names: ['psa', 'psa total', 'prostate specific antigen', 'prostate specific ag'],
    specimen: SP,
    loinc: { '2857-1': SP },
  },
  { id: 'psa-free', names: ['psa free', 'free psa'], specimen: SP, loinc: { '10886-0': SP } },
  {
    id: 'alt',
    names: ['alt', 'sgpt', 'alt sgpt', 'alanine aminotransferase', 'alanine transaminase'],
    specimen: SP,
    loinc: { '1742-6': SP },
  },
  {
    id: 'ast',
    names: ['ast', 'sgot', 'ast sgot', 'aspartate aminotransferase', 'aspartate transaminase'],
    specimen: SP,
    loinc: { '1920-8': SP },
  },
  {
    id: 'alkaline-phosphatase',
    names: ['alkaline phosphatase', 'alk phos', 'alkp', 'alp'],
    specimen: SP,
    loinc: { '6768-6': SP },
  },
  { id: 'egfr', names: ['egfr', 'estimated gfr', 'gfr estimated'], specimen: SP, loinc: {} },
  { id: 'uric-acid', names: ['uric acid', 'urate'], specimen: SP, loinc: { '3084-1': SP }, molarMass: 168.11 },
  { id: 'ferritin', names: ['ferritin'], specimen: SP, loinc: { '2276-4': SP } },
  { id: 'inr', names: ['inr'], specimen: 'blood', loinc: { '6301-6': 'blood' } },
];
