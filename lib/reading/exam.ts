/** Modality and body part from an exam name ("CT CHEST W CONTRAST"), so the doctor's index can group studies. */
const MODALITIES: [RegExp, string][] = [
  [/\bPET(?:[-/ ]?CT)?\b/i, 'PET'],
  [/\b(CT|CTA|computed tomography)\b/i, 'CT'],
  [/\b(MRI|MR|MRA|magnetic resonance)\b/i, 'MR'],
  [/\b(ultrasound|US|sonogra\w*|echo\w*|doppler)\b/i, 'US'],
  [/\b(mammo\w*)\b/i, 'MG'],
  [/\b(DEXA|DXA|bone density)\b/i, 'DXA'],
  [/\b(x-?ray|XR|radiograph\w*|CR|DX)\b/i, 'XR'],
  [/\b(nuclear|NM|scintigra\w*|bone scan)\b/i, 'NM'],
  [/\b(fluoro\w*)\b/i, 'RF'],
];

const BODY_PARTS =
  /\b(head|brain|neck|chest|thorax|lungs?|abdomen|pelvis|spine|cervical spine|lumbar spine|thoracic spine|breasts?|heart|knee|hip|shoulder|wrist|ankle|hand|foot|liver|kidneys?|renal|thyroid|prostate|sinus(?:es)?|whole body|hips?|femur)\b/gi;

export function modalityOf(exam: string): string | undefined {
  return MODALITIES.find(([re]) => re.test(exam))?.[1];
}

export function bodyPartOf(exam: string): string | undefined {
  const parts = Array.from(new Set((exam.match(BODY_PARTS) ?? []).map((p) => p.toLowerCase())));
  return parts.length ? parts.join(', ') : undefined;
}
