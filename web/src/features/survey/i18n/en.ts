import type { Messages } from './types.ts';

const yesNo = { yes: 'Yes', no: 'No', declined: 'Prefer not to answer' };
const recipient = 'Name of the person who got the benefits';
const place = 'City and state(s) where they were received';

export const en: Messages = {
  ui: {
    languageSwitch: 'Language',
    title: 'Tax credit survey',
    greeting: 'Hi {name},',
    intro:
      '{org} may get a federal tax credit, the Work Opportunity Tax Credit (WOTC), for hiring you. These questions help find out.',
    minutes:
      'It takes about {minutes} minutes. Your answers are saved at each step, so you can come back to this link later.',
    voluntary:
      'Taking part is voluntary. Your answers do not affect whether you get the job, and they are used only for this tax credit.',
    whyWeAsk: 'Why we ask',
    why1: 'The tax credit forms (IRS Form 8850 and ETA Form 9061) need your name, address and Social Security number. Your date of birth is needed only if you are under 40. Your SSN is encrypted and is never shown in full on screen.',
    why2: 'Each question matches a group the credit is for, such as veterans or families that got food assistance. "No" or "Prefer not to answer" never counts against you.',
    why3: 'The law asks you to confirm your answers with a signature. Typing your name here counts as signing the form.',
    progress: 'Survey progress',
    stepOf: 'Step {n} of 3',
    step1: 'About you',
    step2: 'Questions',
    step3: 'Review & sign',
    step1Lead: 'Please give your details as they appear on your Social Security card.',
    step2Lead: 'Answer each question. More questions appear only when they apply to you.',
    groupName: 'Your name',
    groupAddress: 'Where you live',
    groupContact: 'How to reach you',
    groupAge: 'Your age',
    groupWork: 'Working here before',
    continue: 'Save and continue',
    back: 'Back',
    saving: 'Saving…',
    submit: 'Sign and submit',
    submitting: 'Submitting…',
    optional: '(optional)',
    preferNot: 'Prefer not to answer',
    errorPrefix: 'Error:',
    ssnShow: 'Show',
    ssnHide: 'Hide',
    ssnShowLabel: 'Show the Social Security number',
    ssnSaved:
      'We saved your Social Security number last time. Leave this empty to keep it, or type it again to change it.',
    dateHint: 'MM/DD/YYYY, for example 03/17/1998',
    monthHint: 'MM/YYYY, for example 04/2026',
    selectState: 'Choose a state',
    selectCounty: 'Choose a county',
    countyNotListed: 'Not listed / not sure',
    countyStateFirst: 'Choose your state first.',
    countiesLoading: 'Loading the counties…',
    countiesFailed: 'The list of counties could not be loaded.',
    selectOption: 'Choose one',
    addState: 'Add another state',
    removeState: 'Remove state {n}',
    stateN: 'State {n}',
    none: 'None of these',
    chooseAll: 'Choose all that apply.',
    errorSummary: 'Please check these answers',
    reviewLead: 'Please check your answers. You can change them before you sign.',
    change: 'Change',
    notAnswered: 'Not answered',
    ssnSavedHidden: 'Saved (hidden)',
    signTitle: 'Sign',
    perjury:
      'I confirm that I gave this information to {org} on or before the day I was offered the job, and that it is true, correct and complete as far as I know. I am signing under penalties of perjury: giving false information on purpose is a crime.',
    signature: 'Type your full name to sign',
    signatureHint: 'As you gave it in step 1: {name}',
    consent: 'I agree to sign electronically. My typed name is my signature.',
    signedOn: 'Date: {date}',
    decline: 'I prefer not to take part',
    declineTitle: 'Not taking part?',
    declineText:
      'That is fine: it does not affect your application. Any answers you typed here will not be kept.',
    declineConfirm: 'Yes, I do not want to take part',
    declineCancel: 'Go back to the survey',
    declining: 'Sending…',
    loadFailed: 'The survey could not be opened: {message}',
    saveFailed:
      'Your answers could not be saved: {message} Nothing you typed is lost. Please try again.',
    submitFailed:
      'Your survey could not be sent: {message} Nothing you typed is lost. Please try again.',
    tryAgain: 'Try again',
    rateLimited: 'Too many tries in a short time. Please wait a minute.',
    network: 'The server cannot be reached. Check your connection.',
    busy: 'The server is busy right now.',
    unexpected: 'Something went wrong on our side.',
    doneTitle: 'Thank you!',
    doneSubmitted: 'Your answers were sent to {org}. There is nothing else you need to do.',
    doneDeclined:
      'You chose not to take part. Nothing you typed was kept, and this does not affect your application.',
    doneClose: 'You can close this page now.',
    invalidTitle: 'This survey link is no longer valid',
    invalidText:
      'It may have expired or already been used. If you finished the survey, there is nothing more to do. If you need a new link, contact the company that sent it to you.',
  },
  questions: {
    first_name: { label: 'First name' },
    middle_initial: { label: 'Middle initial' },
    last_name: { label: 'Last name' },
    ssn: {
      label: 'Social Security number',
      hint: '9 digits. It is encrypted and never shown in full.',
    },
    street: { label: 'Street address', hint: 'Where you live, not a P.O. box.' },
    city: { label: 'City or town' },
    state: { label: 'State' },
    zip: { label: 'ZIP code' },
    county: {
      label: 'County',
      hint: 'The county (or parish or borough) where you live. If it is not in the list, or you are not sure, choose "Not listed / not sure".',
    },
    phone: { label: 'Phone number' },
    email: { label: 'Email' },
    age_band: {
      label: 'How old are you?',
      hint: 'We ask for your date of birth only if you are under 40.',
      options: { under_40: 'Under 40', '40_plus': '40 or older' },
    },
    dob: { label: 'Date of birth' },
    worked_here_before: { label: 'Have you worked for {org} before?', options: yesNo },
    worked_here_last_date: { label: 'When did you last work there?' },
    q_cond_cert: {
      label:
        'Did a state agency or another agency give you a WOTC "conditional certification" letter (ETA Form 9062)?',
      options: yesNo,
    },
    q_cond_cert_agency: { label: 'Which agency gave it to you?' },
    q_veteran: {
      label: 'Have you served on active duty in the U.S. Armed Forces?',
      options: yesNo,
    },
    q_vet_snap: {
      label:
        'In the past 15 months, did anyone in your household get SNAP (food stamps) for at least 3 months?',
      options: yesNo,
    },
    q_vet_snap_recipient: { label: recipient },
    q_vet_snap_location: { label: place },
    q_vet_disability: {
      label: 'Are you entitled to VA compensation for a service-connected disability?',
      options: yesNo,
    },
    q_vet_discharged_1y: {
      label: 'Were you discharged or released from active duty in the past 12 months?',
      options: yesNo,
    },
    q_vet_discharge_date: { label: 'Date of discharge or release' },
    q_vet_unemp: {
      label: 'In the past 12 months, how long were you unemployed in total?',
      options: {
        none: 'Less than 4 weeks',
        '4w_to_6m': '4 weeks to less than 6 months',
        '6m_plus': '6 months or more',
        declined: 'Prefer not to answer',
      },
    },
    q_tanf_9of18: {
      label:
        'In the past 18 months, did your household get TANF (cash assistance, "welfare") for any 9 months?',
      options: yesNo,
    },
    q_tanf_long: {
      label: 'Does any of this apply to your household?',
      options: {
        a: 'We got TANF for each of the past 18 months.',
        b: 'We got TANF for 18 months or more since August 1997, and the last of those months ended within the past 2 years.',
        c: 'We stopped getting TANF in the past 2 years because of a time limit.',
        declined: 'Prefer not to answer',
      },
    },
    q_tanf_recipient: { label: 'Name of the person who got TANF' },
    q_tanf_location: { label: place },
    q_snap: {
      label: 'Did your household get SNAP (food stamps)?',
      options: {
        '6_of_6': 'Yes, for each of the past 6 months',
        '3_of_5_lost': 'Yes, for at least 3 of the past 5 months, but we no longer get it',
        no: 'No',
        declined: 'Prefer not to answer',
      },
    },
    q_snap_recipient: { label: recipient },
    q_snap_location: { label: place },
    q_vr: {
      label:
        'Were you referred to this job by a state vocational rehabilitation agency, a Ticket to Work Employment Network, or the VA?',
      options: yesNo,
    },
    q_vr_source: {
      label: 'Who referred you?',
      options: {
        state_vr: 'A state vocational rehabilitation agency',
        ticket_to_work: 'A Ticket to Work Employment Network',
        va: 'The U.S. Department of Veterans Affairs',
        declined: 'Prefer not to answer',
      },
    },
    q_felony: {
      label:
        'In the past 12 months, were you convicted of a felony or released from prison after a felony conviction?',
      hint: 'Your answer is confidential and used only for this tax credit.',
      options: yesNo,
    },
    felony_conviction_date: { label: 'Date of the conviction' },
    felony_release_date: { label: 'Date of release' },
    felony_jurisdiction: {
      label: 'Was it a federal or a state conviction?',
      options: {
        federal: 'Federal',
        state: 'State',
        both: 'Both',
        declined: 'Prefer not to answer',
      },
    },
    felony_state: { label: 'Which state?' },
    q_ssi: {
      label: 'Did you get SSI (Supplemental Security Income) in the past 60 days?',
      options: yesNo,
    },
    q_ssi_last_month: { label: 'The last month you got SSI' },
    q_ltur: {
      label:
        'Right now, have you been out of work for 27 weeks in a row or more, and did you get unemployment benefits during that time?',
      options: yesNo,
    },
    q_ltur_states: { label: 'In which states did you get unemployment benefits?' },
    q_ltur_city: {
      label: 'In which city did you file for unemployment benefits?',
      hint: 'If you filed online or by phone, the city where you lived then.',
    },
  },
  errors: {
    required: 'Please answer this question.',
    invalid_option: 'Please choose one of the options.',
    invalid_date: 'Enter a real date as MM/DD/YYYY.',
    invalid_month: 'Enter a month as MM/YYYY.',
    invalid_text: 'Please type an answer (not only spaces).',
    invalid_characters:
      'This answer has a line break or an invisible or broken character. Please type it again.',
    invalid_ssn:
      'Enter the 9 digits of your Social Security number, or choose "Prefer not to answer".',
    ssn_itin:
      'Numbers that start with 9 are ITINs (tax ID numbers), not Social Security numbers, and an ITIN cannot be used here. Enter your Social Security number, or choose "Prefer not to answer".',
    ssn_area: 'No Social Security number starts with 000 or 666. Check the first three digits.',
    ssn_group: 'The middle two digits of a Social Security number are never 00. Check them.',
    ssn_serial: 'The last four digits of a Social Security number are never 0000. Check them.',
    invalid_state: 'Please choose a state.',
    invalid_state_list: 'Choose each state once.',
    invalid_county: 'Please choose your county from the list.',
    county_not_in_state: 'This county is not in the state you chose. Please choose it again.',
    invalid_zip: 'Enter a 5-digit ZIP code.',
    invalid_phone: 'Enter a 10-digit phone number.',
    invalid_email: 'Enter an email address like name@example.com.',
    invalid_type: 'Please check this answer.',
    unknown_field: 'Please check this answer.',
    date_in_future: 'This date cannot be in the future.',
    dob_required_under_40: 'Enter your date of birth (it is needed when you are under 40).',
    dob_age_band_mismatch:
      'This date makes you 40 or older. Check the date, or your answer about your age.',
    dob_implausible: 'Please check the year.',
    signature_required: 'Type your full name to sign.',
    signature_mismatch: 'Type your first and last name as you gave them: {name}',
    consent_required: 'Tick the box to sign electronically.',
    server: 'Please check this answer.',
  },
};
