import type { GuardDef } from '../engine/types.js';
import { rule, safetyAddition, t, type Rule } from './declare.js';
import { DRUG_CLASSES } from './interventions.js';
import type { PredicateName } from './predicates.js';

// Revision 2: safety and coherence (SAFE-…). The source is silent on these; each line says it is our addition.

export const SAFETY_RULES: Rule[] = [
  rule({
    id: 'safe.epidural', kind: 'do', group: 'safety', priority: -20, when: ['epidural'], ids: ['SAFE-EPIDURAL', 'DX-MRI-EXCLUDE'], section: 'Beeldvorming',
    interventions: ['urgent-spinal-assessment'], urgent: true,
    text: t('Spoed: spinale epidurale uitbreiding op de MRI. Beoordeel met spoed of er myelum- of caudacompressie is en overleg direct met radiotherapeut of neurochirurg. Radiculaire en cauda-equinaklachten tellen dan niet als teken van LM.',
      'Emergency: spinal epidural extension on MRI. Assess urgently for cord or cauda compression and consult the radiation oncologist or neurosurgeon at once. Radicular and cauda equina symptoms then do not count as signs of LM.'),
    rationale: t('Epidurale uitbreiding is een andere verklaring voor de klachten en dreigt blijvende uitval te geven.',
      'Epidural extension is another explanation of the symptoms and threatens lasting deficit.'),
    note: safetyAddition('de bron noemt de MRI om epidurale uitbreiding als oorzaak uit te sluiten.', 'the source names the MRI to exclude epidural extension as the cause.'),
  }),
  rule({
    id: 'safe.lp-caution', kind: 'do', group: 'safety', priority: -15, when: [], ids: ['SAFE-LP-CAUTION'], section: 'Beeldvorming; Liquordiagnostiek',
    topic: t('voorzorg vóór de lumbaalpunctie', 'precautions before the lumbar puncture'),
    text: t('Vóór elke lumbaalpunctie: er is hydrocephalus, massa-effect of verhoogde druk. Sluit eerst op de beeldvorming een obstructieve hydrocephalus en inklemmingsgevaar uit (bij twijfel overleg met de neurochirurg); bij obstructie geen punctie maar liquordrainage.',
      'Before any lumbar puncture: there is hydrocephalus, mass effect or raised pressure. First exclude an obstructive hydrocephalus and a risk of herniation on the imaging (consult neurosurgery when in doubt); with obstruction no puncture, but CSF diversion.'),
    rationale: t('Een punctie bij obstructie of massa-effect kan inklemming veroorzaken.', 'A puncture with obstruction or mass effect can cause herniation.'),
    note: safetyAddition('de bron noemt communicerende en obstructieve hydrocephalus; de contra-indicatie is algemene neurologische praktijk.',
      'the source names communicating and obstructive hydrocephalus; the contraindication is standard neurological practice.'),
  }),
  rule({
    id: 'safe.lp-contraindicated', kind: 'avoid', group: 'safety', priority: -16, when: [], ids: ['SAFE-LP-CAUTION'], section: 'Beeldvorming; Liquordiagnostiek',
    interventions: ['lumbar-puncture'],
    text: t('Geen lumbaalpunctie: obstructieve hydrocephalus (inklemmingsgevaar). Ook geen ontlastende punctie.',
      'No lumbar puncture: obstructive hydrocephalus (risk of herniation). No relieving puncture either.'),
    rationale: t('Obstructieve hydrocephalus is een contra-indicatie voor een lumbaalpunctie.', 'Obstructive hydrocephalus contraindicates a lumbar puncture.'),
    note: safetyAddition('algemene neurologische praktijk.', 'standard neurological practice.'),
  }),
  rule({
    id: 'safe.csf-diversion', kind: 'do', group: 'safety', priority: -16, when: [], ids: ['SAFE-LP-CAUTION'], section: 'Beeldvorming; Liquordiagnostiek',
    interventions: ['neurosurgical-consultation', 'csf-diversion'],
    text: t('Overleg met spoed met de neurochirurg over liquordrainage (ventrikeldrain of shunt); liquor voor onderzoek kan dan uit de drain komen.',
      'Consult neurosurgery urgently about CSF diversion (ventricular drain or shunt); CSF for testing can then come from the drain.'),
    rationale: t('Drainage behandelt de obstructie en levert liquor.', 'Diversion treats the obstruction and yields CSF.'),
    note: safetyAddition('algemene neurologische praktijk.', 'standard neurological practice.'),
  }),
  rule({
    id: 'safe.origin', kind: 'do', group: 'safety', priority: -10, when: ['cytologyOrBiopsyPositive', { not: 'originEstablished' }],
    ids: ['SAFE-ORIGIN'], section: 'Verantwoording; Toelichting diagnostiek 4',
    topic: t('herkomst eerst vaststellen', 'origin first'),
    text: t('Maligne cellen in de liquor zonder vastgestelde solide primaire tumor: stel eerst de herkomst vast, en sluit daarbij een hematologische maligniteit uit (buiten deze richtlijn). Tot dan geen tumorspecifiek behandeladvies.',
      'Malignant cells in the CSF without an established solid primary: establish the origin first, including exclusion of a haematological malignancy (outside this guideline). Until then no tumour-specific treatment advice.'),
    rationale: t('De cellen kunnen ook hematologisch zijn; de behandeling hangt af van de herkomst.', 'The cells may be haematological; treatment depends on the origin.'),
    note: safetyAddition('de richtlijn geldt alleen voor solide tumoren.', 'the guideline covers solid tumours only.'),
  }),
  rule({
    id: 'safe.option-used-up', kind: 'avoid', group: 'treatment', priority: 119, when: ['firstChoiceUsed'],
    ids: ['SAFE-THERAPY-HISTORY', 'TX-MDO'], section: 'Systemische therapie; Behandeling',
    topic: t('optie al gebruikt', 'option already used'),
    text: t('{firstChoiceDrug}: de patiënt krijgt dit al of had er progressie op. LM die daaronder ontstaat is progressie in het CZS: niet opnieuw als nieuwe start geven. Een eventuele volgende lijn wordt in het MDO gekozen.',
      '{firstChoiceDrug}: the patient is already on it or progressed on it. LM arising on it is CNS progression: do not give it again as a new start. Any next line is chosen in the MDO.'),
    rationale: t('Een middel waarop de ziekte progressief is, biedt geen reële kans op respons.', 'A drug the disease progresses on offers no real chance of response.'),
    note: safetyAddition('de richtlijn telt een optie niet als die al faalt; "krijgt het al" telt hier als gefaald.',
      'the guideline does not count an option that already failed; "already on it" counts as failed here.'),
  }),
  rule({
    id: 'safe.no-options-contradiction', kind: 'inform', group: 'input', priority: -5, when: ['progressiveNoOptions', 'meaningfulOption'],
    ids: ['SAFE-COHERENCE'], section: 'Behandeling', fields: ['systemicDisease.status'],
    text: t('Controleer de invoer: de systemische ziekte staat als "progressief zonder behandelopties", maar de richtlijn geeft voor deze LM een zinvolle systemische optie. Categorie en advies volgen de invoer zoals die is.',
      'Check the input: systemic disease is recorded as "progressive without treatment options", yet the guideline gives a meaningful systemic option for this LM. Category and advice follow the input as entered.'),
    rationale: t('Een uitvoer mag de casus niet tegenspreken.', 'An output must not contradict the case.'),
    note: safetyAddition('samenhang van invoer en advies.', 'coherence of input and advice.'),
  }),
];

export const GUARDS: GuardDef<PredicateName>[] = [
  {
    id: 'guard.lp-obstruction', label: t('obstructieve hydrocephalus uitgesloten vóór de punctie', 'obstructive hydrocephalus excluded before the puncture'),
    interventions: ['lumbar-puncture'], effect: 'block', when: ['lpContraindicated'], rules: ['safe.lp-contraindicated', 'safe.csf-diversion'],
    assume: t('mits een obstructieve hydrocephalus is uitgesloten', 'provided an obstructive hydrocephalus is excluded'),
    ids: ['SAFE-LP-CAUTION'], section: 'Beeldvorming; Liquordiagnostiek',
  },
  {
    id: 'guard.lp-caution', label: t('voorzorg vóór de punctie (hydrocephalus, massa-effect, druk)', 'caution before the puncture (hydrocephalus, mass effect, pressure)'),
    interventions: ['lumbar-puncture'], effect: 'warn', when: ['lpRisk'], rules: ['safe.lp-caution'],
    ids: ['SAFE-LP-CAUTION'], section: 'Beeldvorming; Liquordiagnostiek',
  },
  {
    id: 'guard.therapy-history', label: t('behandelgeschiedenis (krijgt het al of progressie erop)', 'therapy history (already on it or progressed on it)'),
    interventions: DRUG_CLASSES, effect: 'block', when: ['optionAlreadyUsed'], rules: ['safe.option-used-up'],
    assume: t('mits de patiënt dit middel nog niet krijgt en er geen progressie op had', 'provided the patient is not on it yet and has not progressed on it'),
    ids: ['SAFE-THERAPY-HISTORY'], section: 'Systemische therapie; Behandeling',
  },
];
