import { MONTH_NAMES } from '../core/month-names';
import type { Wording } from './wording';

export const wordingEs: Wording = {
  months: MONTH_NAMES.es,
  longDate: (day, month, year) => `${day} de ${month} de ${year}`,
  birthDate: (date) => `Fecha de nacimiento: ${date}`,
  contact: 'Contacto:',
  records: {
    title: 'Solicitud de registros médicos',
    subject: (name) => `Asunto: Solicitud de copias de mis registros médicos${name ? ` (${name})` : ''}`,
    salutation: (department) => `Estimado ${department || 'Departamento de Registros Médicos'}:`,
    opening:
      'Le escribo para solicitar copias de mis registros médicos. Estoy buscando una segunda opinión y el médico necesita mis registros completos.',
    which: (range) => `Le ruego que envíe los siguientes registros, ${range}:`,
    family: {
      notes: 'Las notas médicas y notas de evolución (resúmenes de visitas y evaluaciones)',
      pathology: 'Los informes de patología y, si se solicitan, las laminillas y los bloques',
      'imaging-reports': 'Los informes de radiología de mis estudios de imagen (radiografía, TC, RM, ecografía, PET)',
      'imaging-images': 'Las imágenes en formato DICOM en disco o por descarga segura',
      labs: 'Los resultados de laboratorio, con sus valores, unidades, rangos de referencia y fechas',
      medications: 'Mi lista de medicamentos, actuales y anteriores, con sus dosis',
      'treatment-plan': 'Los planes de tratamiento, propuestos o en curso',
      operative: 'Los informes quirúrgicos y operatorios',
      'family-history': 'Los antecedentes familiares registrados en mi historia clínica',
    },
    range: {
      between: (from, to) => `de mi atención del ${from} al ${to}`,
      since: (from) => `de mi atención desde el ${from}`,
      until: (to) => `de mi atención hasta el ${to}`,
      all: 'de todas las fechas de mi atención',
    },
    form: 'Le ruego que me proporcione una copia electrónica (por ejemplo, archivos PDF y las imágenes en formato DICOM).',
    toPatient: 'Le ruego que me envíe los registros a mí, a los datos de contacto indicados arriba.',
    toDoctor: (doctor) =>
      `Le ruego que envíe los registros directamente al médico que me dará la segunda opinión:\n${doctor}\nEsta carta es mi solicitud por escrito de enviar mis registros a este médico.`,
    right:
      'Según la Regla de Privacidad de HIPAA (45 CFR 164.524), tengo derecho a obtener una copia de mi información de salud. Deben responder a esta solicitud en un plazo de 30 días, y solo pueden cobrar una tarifa razonable basada en el costo. Le ruego que me informe de antemano si hay alguna tarifa.',
    questions: '¿Necesita algo más de mí, como firmar su propio formulario? Por favor, póngase en contacto conmigo.',
  },
  followUp: {
    title: 'Seguimiento: solicitud de registros médicos',
    subject: (name) => `Asunto: Seguimiento de mi solicitud de registros médicos${name ? ` (${name})` : ''}`,
    opening: (sentOn, due) =>
      `El ${sentOn} le solicité copias de mis registros médicos. Según 45 CFR 164.524, la respuesta debía llegar en un plazo de 30 días, a más tardar el ${due}. Todavía no he recibido los registros.`,
    ask: 'Le ruego que me los envíe lo antes posible, o que me indique por escrito cuándo los recibiré y el motivo del retraso.',
    original: 'Mi solicitud fue de:',
  },
  referral: {
    title: 'Solicitud de remisión o autorización previa',
    subject: (name) => `Asunto: Remisión o autorización previa para una segunda opinión${name ? ` (${name})` : ''}`,
    salutation: 'Estimados señores:',
    opening: (doctor) =>
      `Estoy buscando una segunda opinión${doctor ? ` con ${doctor}` : ''}. Mi seguro médico puede exigir una remisión o una autorización previa para esta consulta.`,
    ask: 'Le ruego que emita la remisión o la autorización previa, o que me indique qué necesita de mí para hacerlo.',
    note: (note) => `Detalles: ${note}`,
    sendNumber: (doctor) =>
      `Le ruego que me envíe el número de remisión o de autorización${doctor ? `, y una copia a ${doctor}` : ''}.`,
  },
  decision: {
    title: 'Mi decisión sobre mi tratamiento',
    subject: (name) => `Asunto: Mi decisión de tratamiento${name ? ` (${name})` : ''}`,
    salutation: 'Estimados doctores:',
    thanks: 'Gracias por su atención y por sus opiniones. Les escribo a ambos para comunicarles lo que he decidido.',
    choice: {
      'first-plan': (plan) =>
        `He decidido seguir el plan de tratamiento que se me propuso primero${plan ? `: ${plan}` : '.'}`,
      switch: (plan) =>
        `He decidido seguir el plan de tratamiento recomendado en la segunda opinión${plan ? `: ${plan}` : '.'}`,
      'third-opinion': () => 'He decidido buscar una tercera opinión antes de elegir un plan de tratamiento.',
      'doctors-review': () => 'Antes de decidir, me gustaría que cada uno revisara las conclusiones del otro.',
      other: (plan) => `Mi decisión: ${plan}`,
    },
    share:
      'Les ruego que compartan mis registros entre ustedes, incluidas sus notas, informes y resultados de pruebas, para que ambos tengan la información completa. Esta carta es mi solicitud por escrito para hacerlo.',
  },
  note: (note) => `Nota: ${note}`,
  closing: 'Atentamente,',
  signatureName: (name) => name,
  signLine: 'Firma: ______________________    Fecha: ______________',
};
