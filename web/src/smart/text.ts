// Strings of the SMART launch pages, Dutch and English.
import type { Lang } from '../../../src/index.js';

const nl = {
  launching: 'Verbinden met het EPD…',
  standaloneTitle: 'LeptoGuide openen vanuit een FHIR-server',
  standaloneLabel: 'Adres van de FHIR-server (iss)',
  standaloneGo: 'Verbinden',
  launchFailed: 'Starten mislukt',
  loading: 'Dossier lezen uit het EPD…',
  loaded: 'Gegevens uit het EPD ingevuld',
  failed: 'Dossier lezen mislukt',
  patient: 'Patiënt',
  server: 'FHIR-server',
  filled: 'velden ingevuld; bij elk veld staat de bron. U kunt alles aanpassen. Er wordt niets teruggeschreven naar het EPD.',
  remarks: 'Opmerkingen bij het lezen',
  notFetched: 'Niet opgehaald',
  cardCase: 'Geopend op de casus van de CDS-kaart',
  cardInvalid: 'De context van de CDS-kaart is geen LeptoGuide-casus; het dossier is gelezen.',
  judge: 'Uw klinische oordelen (o.a. ernstige encefalopathie, ernstige neurologische uitval, systemische ziekte, resistentie) staan in geen dossier: gemarkeerd met "Te beoordelen door u".',
};
const en: Record<keyof typeof nl, string> = {
  launching: 'Connecting to the EHR…',
  standaloneTitle: 'Open LeptoGuide from a FHIR server',
  standaloneLabel: 'FHIR server address (iss)',
  standaloneGo: 'Connect',
  launchFailed: 'Launch failed',
  loading: 'Reading the record from the EHR…',
  loaded: 'Filled in from the EHR',
  failed: 'Reading the record failed',
  patient: 'Patient',
  server: 'FHIR server',
  filled: 'fields filled in; each shows its source. You can change anything. Nothing is written back to the EHR.',
  remarks: 'Remarks while reading',
  notFetched: 'Not fetched',
  cardCase: 'Opened on the case of the CDS card',
  cardInvalid: 'The CDS card\'s context is not a LeptoGuide case; the record was read.',
  judge: 'Your clinical judgements (severe encephalopathy, severe neurological deficit, systemic disease, resistance, …) are in no record: marked "To be judged by you".',
};
export type SmartKey = keyof typeof nl;
export const smartText = (l: Lang, k: SmartKey): string => (l === 'en' ? en : nl)[k];
