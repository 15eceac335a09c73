import type { PackageText } from './package-text';

const table = (caption: string, ...headers: string[]) => ({ caption, headers });

const STATUS: Record<string, string> = {
  present: 'presente',
  missing: 'falta',
  'report-only': 'solo el informe',
  'not-applicable': 'no corresponde',
};

export const PACKAGE_TEXT_ES: PackageText = {
  lang: 'es',
  disclaimer:
    'Esta es la copia propia del paciente de sus registros médicos, reunida por él mismo en sus portales de pacientes. ' +
    'No es un consejo médico, puede estar incompleta, y los registros originales siguen en poder de los profesionales que los escribieron.',
  kinds: {
    note: 'Notas de los médicos',
    pathology: 'Informes de diagnóstico y de patología',
    imaging: 'Informes de imagen',
    lab: 'Resultados de laboratorio',
    medication: 'Listas de medicamentos',
    plan: 'Planes de tratamiento',
    surgical: 'Informes quirúrgicos y operatorios',
    'family-history': 'Antecedentes familiares',
    allergy: 'Alergias',
    problem: 'Problemas y diagnósticos',
    procedure: 'Procedimientos',
    immunization: 'Vacunas',
    'vital-signs': 'Signos vitales',
    encounter: 'Visitas y consultas',
    'social-history': 'Antecedentes sociales',
    other: 'Otros registros',
  },
  undated: 'sin fecha',
  yes: 'sí',
  dateSpan: ' a ',
  index: {
    title: (caseTitle) => `${caseTitle}: registros para una segunda opinión`,
    intro: (date, count) =>
      `Registros que el paciente reunió en sus portales de pacientes con Second Look, para una segunda opinión.
Preparado el ${date}. ${count} registro(s).
Son copias reunidas por el paciente; la página de cada registro indica su origen y el momento en que se capturó.
En summary.pdf hay un resumen para imprimir.`,
    nav: {
      reason: 'Motivo de la opinión',
      questions: 'Preguntas',
      completeness: 'Qué hay y qué falta',
      records: 'Registros',
      labs: 'Resultados de laboratorio por fecha',
      attachments: 'Archivos adjuntos',
    },
    recordsHeading: 'Registros por tipo, los más recientes primero',
    noRecords: 'Este caso aún no tiene registros.',
    recordColumns: ['Fecha', 'Registro', 'Archivos', 'Portal'],
    titleOnly: '(solo se capturó el título)',
    attachmentsHeading: (count) => `Archivos adjuntos (${count})`,
    attachmentsNotice:
      'Tal como se descargaron del portal (idénticos byte a byte). Las imágenes en formato DICOM necesitan un visor DICOM.',
    attachmentColumns: ['Archivo', 'Tipo', 'Tamaño', 'Registro'],
    patientShared: {
      included: (path) =>
        `${path} es un paquete FHIR R4 que un sistema de historias clínicas puede archivar como compartido por el paciente (perfil Kill the Clipboard): el paciente, los registros estructurados, la historia del paciente y un PDF de los registros.`,
      redacted: () =>
        'Este paquete no tiene el paquete FHIR compartido por el paciente: se ocultaron datos, y ese paquete existe para identificar al paciente (nombre, fecha de nacimiento, sexo) y que un sistema de historias clínicas lo encuentre.',
      unticked: () =>
        'Este paquete no tiene el paquete FHIR compartido por el paciente: el paciente decidió dejarlo fuera.',
      'no-patient': () =>
        'Este paquete no tiene el paquete FHIR compartido por el paciente: el paciente no ha indicado su nombre, fecha de nacimiento y sexo («Sobre el paciente»), que un sistema de historias clínicas necesita para encontrarlo.',
    },
  },
  timeline: {
    nav: 'Cronología',
    heading: (count) => `Cronología: todo lo que hay en el caso, de lo más antiguo a lo más reciente (${count})`,
    showOnly: 'Mostrar solo:',
    all: 'todo',
    undatedLast: 'Las entradas sin fecha van al final.',
    columns: ['Fecha', 'Tipo', 'Qué', 'Portal'],
    kinds: {
      result: 'Resultados',
      report: 'Informes',
      note: 'Notas',
      image: 'Imágenes',
      medication: 'Medicamentos',
      encounter: 'Visitas',
      opinion: 'Opiniones',
      other: 'Otros',
    },
    events: {
      record: '',
      'medication-started': 'iniciado',
      'medication-stopped': 'suspendido',
      'medication-listed': 'en la lista',
      encounter: '',
      opinion: 'opinión recibida',
    },
  },
  sentLog: {
    nav: 'Paquetes enviados antes que este',
    heading: (count) => `Paquetes enviados antes que este (${count})`,
    notice: (path) =>
      `El registro del paciente de las exportaciones anteriores de este caso (también en ${path}). Este paquete no figura en él.`,
    columns: [
      'Enviado',
      'Para',
      'Archivo',
      'Registros',
      'Datos ocultados',
      'Contraseña',
      'Recibido',
      'SHA-256 del zip',
    ],
    notSaid: 'no indicado',
    no: 'no',
    arrived: (date) => `recibido (confirmado el ${date})`,
    notConfirmed: 'sin confirmar',
  },
  cover: {
    timeSensitive: 'El paciente indicó que esta decisión es urgente.',
    reasonHeading: 'Motivo de la segunda opinión',
    storyHeading: 'La historia del paciente',
    questionsHeading: 'Las preguntas del paciente, las más importantes primero',
    recordLink: (n) => `registro ${n}`,
    see: 'Véase',
    answerNoted: 'Respuesta anotada:',
    completenessHeading: 'Qué hay y qué falta',
    knownGaps: 'Faltan:',
    stillRequesting: 'Puede que el paciente aún los esté solicitando.',
    noGaps: 'Cada familia de la lista tiene al menos un registro.',
    completenessColumns: ['Registros', 'Estado', 'Número', 'Qué falta'],
    status: (status) => STATUS[status] ?? status,
  },
  labs: {
    heading: 'Resultados de laboratorio por fecha',
    notice: `Valores tal como se capturaron de los portales, la fecha más antigua primero, cada uno con su propio indicador (H, L, A, CRIT: los del portal) y hora.
Una prueba impresa en otra unidad se convierte a la unidad de la fila, con el valor impreso al lado.
Un resultado que aparece en varios registros se muestra una vez; «las fuentes difieren» señala dos registros que dan valores distintos para la misma prueba y hora.`,
    pdfNotice:
      'Valores tal como se capturaron de los portales, la fecha más antigua primero, cada uno con su propio indicador (el del portal) y hora. Un valor en otra unidad se convierte a la unidad de la fila, con el valor impreso al lado; un resultado que aparece en varios registros se muestra una vez; «las fuentes difieren» señala registros que no coinciden para la misma prueba y hora.',
    columns: ['Prueba', 'Unidad', 'Intervalo de referencia'],
    pdfRange: 'Intervalo',
    alsoPrintedAs: 'también impreso como',
    pdfAlso: 'también',
    sameResultIn: (count) => `El mismo resultado en ${count} registros:`,
    datesOf: (from, to, total) => `Fechas ${from}-${to} de ${total}`,
    cell: { from: 'de', ref: 'ref.', sourcesDiffer: 'las fuentes difieren', seeEachValue: 'véase cada valor' },
  },
  record: {
    labels: {
      record: 'Registro',
      kind: 'Tipo',
      clinicalDate: 'Fecha clínica',
      portal: 'Portal',
      sourceAddress: 'Dirección de origen',
      pageTitle: 'Título de la página',
      capturedAt: 'Capturado el',
      sha256: 'SHA-256 del contenido capturado',
      note: 'Nota del paciente',
    },
    notStated: 'no indicada',
    snapshotLabel: 'El registro tal como se veía en el portal',
    back: 'Volver al índice',
    copyNotice:
      'Una copia que el paciente capturó de su portal con Second Look. El original es el registro del portal.',
    filesWithRecord: 'Archivos descargados con este registro:',
    section: (title, code) => `Sección del documento: ${title}${code ? ` (LOINC ${code})` : ''}, tal como se escribió.`,
    tables: {
      allergies: table('Alergias e intolerancias', 'Sustancia', 'Reacción', 'Gravedad', 'Estado', 'Inicio', 'Código'),
      problems: table('Problemas', 'Problema', 'Estado', 'Inicio', 'Resuelto', 'Código'),
      procedures: table(
        'Procedimientos',
        'Procedimiento',
        'Fecha',
        'Estado',
        'Realizado por',
        'Zona del cuerpo',
        'Código',
      ),
      immunizations: table('Vacunas', 'Vacuna', 'Fecha', 'Estado', 'Lote', 'Código'),
      encounters: table('Visitas y consultas', 'Visita', 'Fecha', 'Lugar', 'Profesional', 'Motivo', 'Código'),
      familyHistory: table(
        'Antecedentes familiares',
        'Familiar',
        'Enfermedad',
        'Edad de inicio',
        'Fallecido',
        'Código',
      ),
      entries: table('Entradas codificadas', 'Observación', 'Valor', 'Fecha', 'Estado', 'Código'),
      medications: table('Medicamentos', 'Medicamento', 'Dosis', 'Vía', 'Frecuencia', 'Inicio', 'Estado'),
    },
  },
  readme: ({ title, date, generator, disclaimer }) => [
    `PAQUETE DE REGISTROS PARA UNA SEGUNDA OPINIÓN: ${title}`,
    '',
    `Preparado el ${date} por el paciente (o alguien en su nombre) con ${generator}.`,
    '',
    'QUÉ ES',
    'Copias de registros médicos que el paciente reunió en sus portales de pacientes, con su historia y sus',
    'preguntas, para un médico de segunda opinión. El contenido son copias de registros de los portales',
    'reunidas por el paciente; cada registro indica la dirección del portal de la que procede y cuándo se capturó.',
    '',
    disclaimer,
    '',
    'CÓMO ABRIRLO',
    '1. Extraiga (descomprima) todo el archivo en una carpeta.',
    '2. Abra INDEX.HTM en cualquier navegador web. Funciona sin conexión y no necesita JavaScript.',
    '   summary.pdf es un resumen para imprimir: las preguntas, una tabla de laboratorio y el índice de registros.',
    '3. Cada registro está en records/<número>_<fecha>_<tipo>_<título>/ como record.html (tal como se veía) y',
    '   record.txt (texto plano); files/ contiene documentos e imágenes tal como se descargaron.',
    '4. Un programa puede leer data/manifest.json (índice, tamaños y SHA-256 de cada archivo) y',
    '   data/fhir-bundle.json (paquete FHIR R4).',
    '',
    'ARCHIVOS',
  ],
  pdf: {
    intro: (date, count) => `Registros para una segunda opinión, preparados el ${date}. ${count} registro(s).`,
    copies:
      'Copias de registros de los portales reunidas por el paciente; la página de cada registro en el paquete indica su origen y la hora de captura.',
    recordIndex: 'Índice de registros',
    indexColumns: ['#', 'Fecha', 'Tipo', 'Registro', 'Portal'],
  },
};
