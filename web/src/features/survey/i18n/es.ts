import type { Messages } from './types.ts';

const yesNo = { yes: 'Sí', no: 'No', declined: 'Prefiero no contestar' };
const recipient = 'Nombre de la persona que recibió los beneficios';
const place = 'Ciudad y estado(s) donde se recibieron';

export const es: Messages = {
  ui: {
    languageSwitch: 'Idioma',
    title: 'Encuesta de crédito tributario',
    greeting: 'Hola, {name}:',
    intro:
      '{org} podría recibir un crédito tributario federal, el Work Opportunity Tax Credit (WOTC), por contratarle. Estas preguntas ayudan a saberlo.',
    minutes:
      'Tarda unos {minutes} minutos. Sus respuestas se guardan en cada paso, así que puede volver a este enlace más tarde.',
    voluntary:
      'Participar es voluntario. Sus respuestas no afectan la decisión de contratarle y se usan solo para este crédito tributario.',
    whyWeAsk: 'Por qué lo preguntamos',
    why1: 'Los formularios del crédito (Formulario 8850 del IRS y Formulario ETA 9061) piden su nombre, dirección y número de Seguro Social. La fecha de nacimiento solo se pide si tiene menos de 40 años. Su número de Seguro Social se guarda cifrado y nunca se muestra completo en pantalla.',
    why2: 'Cada pregunta corresponde a un grupo para el que existe el crédito, como veteranos o familias que recibieron ayuda para alimentos. Contestar «No» o «Prefiero no contestar» nunca le perjudica.',
    why3: 'La ley pide que confirme sus respuestas con una firma. Escribir su nombre aquí equivale a firmar el formulario.',
    progress: 'Progreso de la encuesta',
    stepOf: 'Paso {n} de 3',
    step1: 'Sus datos',
    step2: 'Preguntas',
    step3: 'Revisar y firmar',
    step1Lead: 'Escriba sus datos como aparecen en su tarjeta de Seguro Social.',
    step2Lead: 'Conteste cada pregunta. Solo aparecen más preguntas cuando le corresponden.',
    groupName: 'Su nombre',
    groupAddress: 'Dónde vive',
    groupContact: 'Cómo comunicarnos con usted',
    groupAge: 'Su edad',
    groupWork: 'Trabajo anterior aquí',
    continue: 'Guardar y continuar',
    back: 'Atrás',
    saving: 'Guardando…',
    submit: 'Firmar y enviar',
    submitting: 'Enviando…',
    optional: '(opcional)',
    preferNot: 'Prefiero no contestar',
    errorPrefix: 'Error:',
    ssnShow: 'Mostrar',
    ssnHide: 'Ocultar',
    ssnShowLabel: 'Mostrar el número de Seguro Social',
    ssnSaved:
      'Guardamos su número de Seguro Social la vez pasada. Deje este campo vacío para conservarlo, o escríbalo de nuevo para cambiarlo.',
    dateHint: 'MM/DD/AAAA, por ejemplo 03/17/1998 (mes primero)',
    monthHint: 'MM/AAAA, por ejemplo 04/2026',
    selectState: 'Elija un estado',
    selectCounty: 'Elija un condado',
    countyNotListed: 'No aparece / no estoy seguro',
    countyStateFirst: 'Elija primero su estado.',
    countiesLoading: 'Cargando los condados…',
    countiesFailed: 'No se pudo cargar la lista de condados.',
    selectOption: 'Elija una opción',
    addState: 'Agregar otro estado',
    removeState: 'Quitar el estado {n}',
    stateN: 'Estado {n}',
    none: 'Ninguna de estas',
    chooseAll: 'Marque todas las que correspondan.',
    errorSummary: 'Revise estas respuestas',
    reviewLead: 'Revise sus respuestas. Puede cambiarlas antes de firmar.',
    change: 'Cambiar',
    notAnswered: 'Sin respuesta',
    ssnSavedHidden: 'Guardado (oculto)',
    signTitle: 'Firma',
    perjury:
      'Confirmo que di esta información a {org} el día en que me ofrecieron el empleo o antes, y que es verdadera, correcta y completa según mi conocimiento. Firmo bajo pena de perjurio: dar información falsa a propósito es un delito.',
    signature: 'Escriba su nombre completo para firmar',
    signatureHint: 'Como lo escribió en el paso 1: {name}',
    consent: 'Acepto firmar electrónicamente. Mi nombre escrito es mi firma.',
    signedOn: 'Fecha: {date}',
    decline: 'Prefiero no participar',
    declineTitle: '¿No desea participar?',
    declineText:
      'No hay problema: no afecta su solicitud. No se guardará ninguna de las respuestas que haya escrito aquí.',
    declineConfirm: 'Sí, no deseo participar',
    declineCancel: 'Volver a la encuesta',
    declining: 'Enviando…',
    loadFailed: 'No se pudo abrir la encuesta: {message}',
    saveFailed:
      'No se pudieron guardar sus respuestas: {message} No se perdió nada de lo que escribió. Inténtelo de nuevo.',
    submitFailed:
      'No se pudo enviar su encuesta: {message} No se perdió nada de lo que escribió. Inténtelo de nuevo.',
    tryAgain: 'Intentar de nuevo',
    rateLimited: 'Demasiados intentos en poco tiempo. Espere un minuto.',
    network: 'No hay conexión con el servidor. Revise su conexión.',
    busy: 'El servidor está ocupado en este momento.',
    unexpected: 'Algo falló de nuestro lado.',
    doneTitle: '¡Gracias!',
    doneSubmitted: 'Sus respuestas se enviaron a {org}. No tiene que hacer nada más.',
    doneDeclined:
      'Decidió no participar. No se guardó nada de lo que escribió y esto no afecta su solicitud.',
    doneClose: 'Ya puede cerrar esta página.',
    invalidTitle: 'Este enlace de la encuesta ya no es válido',
    invalidText:
      'Puede que haya vencido o que ya se haya usado. Si ya terminó la encuesta, no tiene que hacer nada más. Si necesita un enlace nuevo, comuníquese con la empresa que se lo envió.',
  },
  questions: {
    first_name: { label: 'Nombre' },
    middle_initial: { label: 'Inicial del segundo nombre' },
    last_name: { label: 'Apellido(s)' },
    ssn: {
      label: 'Número de Seguro Social',
      hint: '9 dígitos. Se guarda cifrado y nunca se muestra completo.',
    },
    street: { label: 'Dirección', hint: 'Donde vive, no un apartado postal.' },
    city: { label: 'Ciudad o pueblo' },
    state: { label: 'Estado' },
    zip: { label: 'Código postal (ZIP)' },
    county: {
      label: 'Condado',
      hint: 'El condado (o parroquia o municipio) donde vive. Si no aparece en la lista, o no está seguro, elija "No aparece / no estoy seguro".',
    },
    phone: { label: 'Teléfono' },
    email: { label: 'Correo electrónico' },
    age_band: {
      label: '¿Qué edad tiene?',
      hint: 'Solo pedimos su fecha de nacimiento si tiene menos de 40 años.',
      options: { under_40: 'Menos de 40 años', '40_plus': '40 años o más' },
    },
    dob: { label: 'Fecha de nacimiento' },
    worked_here_before: { label: '¿Ha trabajado antes para {org}?', options: yesNo },
    worked_here_last_date: { label: '¿Cuándo trabajó allí por última vez?' },
    q_cond_cert: {
      label:
        '¿Una agencia estatal u otra agencia le dio una carta de «certificación condicional» del WOTC (Formulario ETA 9062)?',
      options: yesNo,
    },
    q_cond_cert_agency: { label: '¿Qué agencia se la dio?' },
    q_veteran: {
      label: '¿Ha prestado servicio activo en las Fuerzas Armadas de los Estados Unidos?',
      options: yesNo,
    },
    q_vet_snap: {
      label:
        'En los últimos 15 meses, ¿alguien de su hogar recibió SNAP (cupones de alimentos) durante al menos 3 meses?',
      options: yesNo,
    },
    q_vet_snap_recipient: { label: recipient },
    q_vet_snap_location: { label: place },
    q_vet_disability: {
      label:
        '¿Tiene derecho a compensación del VA por una discapacidad relacionada con el servicio?',
      options: yesNo,
    },
    q_vet_discharged_1y: {
      label: '¿Le dieron de baja o le liberaron del servicio activo en los últimos 12 meses?',
      options: yesNo,
    },
    q_vet_discharge_date: { label: 'Fecha de la baja o liberación' },
    q_vet_unemp: {
      label: 'En los últimos 12 meses, ¿cuánto tiempo estuvo desempleado en total?',
      options: {
        none: 'Menos de 4 semanas',
        '4w_to_6m': 'De 4 semanas a menos de 6 meses',
        '6m_plus': '6 meses o más',
        declined: 'Prefiero no contestar',
      },
    },
    q_tanf_9of18: {
      label:
        'En los últimos 18 meses, ¿su hogar recibió TANF (asistencia en efectivo, «welfare») durante 9 meses cualesquiera?',
      options: yesNo,
    },
    q_tanf_long: {
      label: '¿Alguna de estas situaciones corresponde a su hogar?',
      options: {
        a: 'Recibimos TANF cada uno de los últimos 18 meses.',
        b: 'Recibimos TANF durante 18 meses o más desde agosto de 1997, y el último de esos meses terminó en los últimos 2 años.',
        c: 'Dejamos de recibir TANF en los últimos 2 años por un límite de tiempo.',
        declined: 'Prefiero no contestar',
      },
    },
    q_tanf_recipient: { label: 'Nombre de la persona que recibió TANF' },
    q_tanf_location: { label: place },
    q_snap: {
      label: '¿Su hogar recibió SNAP (cupones de alimentos)?',
      options: {
        '6_of_6': 'Sí, cada uno de los últimos 6 meses',
        '3_of_5_lost': 'Sí, al menos 3 de los últimos 5 meses, pero ya no lo recibimos',
        no: 'No',
        declined: 'Prefiero no contestar',
      },
    },
    q_snap_recipient: { label: recipient },
    q_snap_location: { label: place },
    q_vr: {
      label:
        '¿Le refirió a este empleo una agencia estatal de rehabilitación vocacional, una Red de Empleo de Ticket to Work o el VA?',
      options: yesNo,
    },
    q_vr_source: {
      label: '¿Quién le refirió?',
      options: {
        state_vr: 'Una agencia estatal de rehabilitación vocacional',
        ticket_to_work: 'Una Red de Empleo de Ticket to Work',
        va: 'El Departamento de Asuntos de Veteranos (VA)',
        declined: 'Prefiero no contestar',
      },
    },
    q_felony: {
      label:
        'En los últimos 12 meses, ¿le condenaron por un delito grave (felony) o salió de prisión después de una condena por un delito grave?',
      hint: 'Su respuesta es confidencial y se usa solo para este crédito tributario.',
      options: yesNo,
    },
    felony_conviction_date: { label: 'Fecha de la condena' },
    felony_release_date: { label: 'Fecha de salida' },
    felony_jurisdiction: {
      label: '¿Fue una condena federal o estatal?',
      options: {
        federal: 'Federal',
        state: 'Estatal',
        both: 'Ambas',
        declined: 'Prefiero no contestar',
      },
    },
    felony_state: { label: '¿En qué estado?' },
    q_ssi: {
      label: '¿Recibió SSI (Seguridad de Ingreso Suplementario) en los últimos 60 días?',
      options: yesNo,
    },
    q_ssi_last_month: { label: 'El último mes en que recibió SSI' },
    q_ltur: {
      label:
        'En este momento, ¿lleva 27 semanas seguidas o más sin trabajo, y recibió beneficios de desempleo durante ese tiempo?',
      options: yesNo,
    },
    q_ltur_states: { label: '¿En qué estados recibió beneficios de desempleo?' },
    q_ltur_city: {
      label: '¿En qué ciudad solicitó los beneficios de desempleo?',
      hint: 'Si los solicitó por internet o por teléfono, la ciudad donde vivía entonces.',
    },
  },
  errors: {
    required: 'Conteste esta pregunta.',
    invalid_option: 'Elija una de las opciones.',
    invalid_date: 'Escriba una fecha real como MM/DD/AAAA.',
    invalid_month: 'Escriba un mes como MM/AAAA.',
    invalid_text: 'Escriba una respuesta (no solo espacios).',
    invalid_characters:
      'Esta respuesta tiene un salto de línea o un carácter invisible o dañado. Escríbala de nuevo.',
    invalid_ssn:
      'Escriba los 9 dígitos de su número de Seguro Social, o elija «Prefiero no contestar».',
    ssn_itin:
      'Los números que empiezan con 9 son ITIN (números de identificación fiscal), no números de Seguro Social, y un ITIN no sirve aquí. Escriba su número de Seguro Social, o elija «Prefiero no contestar».',
    ssn_area:
      'Ningún número de Seguro Social empieza con 000 ni con 666. Revise los tres primeros dígitos.',
    ssn_group: 'Los dos dígitos del medio de un número de Seguro Social nunca son 00. Revíselos.',
    ssn_serial:
      'Los cuatro últimos dígitos de un número de Seguro Social nunca son 0000. Revíselos.',
    invalid_state: 'Elija un estado.',
    invalid_state_list: 'Elija cada estado una sola vez.',
    invalid_county: 'Elija su condado de la lista.',
    county_not_in_state: 'Este condado no está en el estado que eligió. Elíjalo de nuevo.',
    invalid_zip: 'Escriba un código postal de 5 dígitos.',
    invalid_phone: 'Escriba un número de teléfono de 10 dígitos.',
    invalid_email: 'Escriba un correo electrónico como nombre@ejemplo.com.',
    invalid_type: 'Revise esta respuesta.',
    unknown_field: 'Revise esta respuesta.',
    date_in_future: 'Esta fecha no puede estar en el futuro.',
    dob_required_under_40:
      'Escriba su fecha de nacimiento (se necesita si tiene menos de 40 años).',
    dob_age_band_mismatch:
      'Con esta fecha tendría 40 años o más. Revise la fecha o su respuesta sobre la edad.',
    dob_implausible: 'Revise el año.',
    signature_required: 'Escriba su nombre completo para firmar.',
    signature_mismatch: 'Escriba su nombre y apellido como los dio: {name}',
    consent_required: 'Marque la casilla para firmar electrónicamente.',
    server: 'Revise esta respuesta.',
  },
};
