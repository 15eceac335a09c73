import type { DocumentLanguage } from '../core/document-language';
import type { OpinionReason, QuestionFamily } from '../core/workspace-model';

/** Everything the visit sheet says in its own words, per document language (the patient's text is kept as typed). */
export interface VisitSheetText {
  title: string;
  prepared: (date: string) => string;
  disclaimer: string;
  patient: string;
  timeSensitive: string;
  story: string;
  reason: string;
  reasons: Record<OpinionReason, string>;
  reasonDetail: string;
  diagnosis: string;
  proposedTreatment: string;
  triedSoFar: string;
  goals: string;
  referringDoctor: string;
  secondOpinionDoctor: string;
  noStory: string;
  questions: string;
  families: Record<QuestionFamily, string>;
  answerNoted: string;
  answerHere: string;
  noQuestions: string;
  medications: string;
  medicationsFromRecords: string;
  noMedications: string;
  allergies: string;
  allergiesFromRecords: string;
  noAllergies: string;
  results: string;
  resultsNote: string;
  resultColumns: [string, string, string, string];
  undated: string;
  moreResults: (count: number) => string;
  noResults: string;
  notes: string;
  footer: string;
}

const en: VisitSheetText = {
  title: 'Visit sheet',
  prepared: (date) => `Prepared by the patient on ${date} for the second-opinion appointment.`,
  disclaimer:
    "This sheet is the patient's own summary and questions. It is not medical advice; the full records are in the records package.",
  patient: 'Patient',
  timeSensitive: 'The patient marked this decision as time-sensitive.',
  story: 'My story in brief',
  reason: 'Why I want a second opinion',
  reasons: {
    doubts: 'Doubts about the diagnosis or the plan',
    subspecialist: 'I want to see a subspecialist',
    communication: 'Communication with my doctor',
    other: 'Another reason',
  },
  reasonDetail: 'What I want from this opinion',
  diagnosis: 'Diagnosis (as I was told)',
  proposedTreatment: 'Proposed treatment',
  triedSoFar: 'Treatment so far',
  goals: 'My goals',
  referringDoctor: 'My doctor',
  secondOpinionDoctor: 'Second-opinion doctor',
  noStory: 'No story written yet.',
  questions: 'My questions, most important first',
  families: {
    diagnosis: 'Diagnosis',
    treatment: 'Treatment',
    experience: "The doctor's experience",
    'next-steps': 'Next steps',
  },
  answerNoted: 'Answer noted so far:',
  answerHere: 'Answer:',
  noQuestions:
    "No questions written yet. Add them in Second Look's Questions view and print this sheet again, or write them here.",
  medications: 'Current medications',
  medicationsFromRecords: 'From my records:',
  noMedications: 'None listed.',
  allergies: 'Allergies',
  allergiesFromRecords: 'From my records:',
  noAllergies: 'None listed.',
  results: 'Key results (latest value of each test)',
  resultsNote: 'Flags are the ones the lab printed. Every value with its date and source is in the records package.',
  resultColumns: ['Test', 'Latest value', 'Flag', 'Date'],
  undated: 'undated',
  moreResults: (count) => `${count} more test(s) are in the records package.`,
  noResults: 'No lab results in the case.',
  notes: 'Notes',
  footer: 'Made with Second Look. The decision belongs to the patient and their clinicians.',
};

const es: VisitSheetText = {
  title: 'Hoja para la consulta',
  prepared: (date) => `Preparada por el paciente el ${date} para la consulta de segunda opinión.`,
  disclaimer:
    'Esta hoja es el resumen y las preguntas del propio paciente. No es consejo médico; los registros completos están en el paquete de registros.',
  patient: 'Paciente',
  timeSensitive: 'El paciente indicó que esta decisión es urgente.',
  story: 'Mi historia en breve',
  reason: 'Por qué quiero una segunda opinión',
  reasons: {
    doubts: 'Dudas sobre el diagnóstico o el plan',
    subspecialist: 'Quiero ver a un subespecialista',
    communication: 'La comunicación con mi médico',
    other: 'Otro motivo',
  },
  reasonDetail: 'Qué espero de esta opinión',
  diagnosis: 'Diagnóstico (según me dijeron)',
  proposedTreatment: 'Tratamiento propuesto',
  triedSoFar: 'Tratamiento hasta ahora',
  goals: 'Mis objetivos',
  referringDoctor: 'Mi médico',
  secondOpinionDoctor: 'Médico de la segunda opinión',
  noStory: 'Todavía no hay historia escrita.',
  questions: 'Mis preguntas, la más importante primero',
  families: {
    diagnosis: 'Diagnóstico',
    treatment: 'Tratamiento',
    experience: 'La experiencia del médico',
    'next-steps': 'Próximos pasos',
  },
  answerNoted: 'Respuesta anotada hasta ahora:',
  answerHere: 'Respuesta:',
  noQuestions:
    'Todavía no hay preguntas. Agréguelas en la vista Preguntas de Second Look y vuelva a imprimir esta hoja, o escríbalas aquí.',
  medications: 'Medicamentos actuales',
  medicationsFromRecords: 'Según mis registros:',
  noMedications: 'Ninguno anotado.',
  allergies: 'Alergias',
  allergiesFromRecords: 'Según mis registros:',
  noAllergies: 'Ninguna anotada.',
  results: 'Resultados clave (último valor de cada prueba)',
  resultsNote:
    'Los indicadores son los que imprimió el laboratorio. Cada valor con su fecha y su fuente está en el paquete de registros.',
  resultColumns: ['Prueba', 'Último valor', 'Indicador', 'Fecha'],
  undated: 'sin fecha',
  moreResults: (count) => `Hay ${count} prueba(s) más en el paquete de registros.`,
  noResults: 'No hay resultados de laboratorio en el caso.',
  notes: 'Notas',
  footer: 'Hecha con Second Look. La decisión corresponde al paciente y a sus médicos.',
};

export const VISIT_SHEET_TEXT: Record<DocumentLanguage, VisitSheetText> = { en, es };
