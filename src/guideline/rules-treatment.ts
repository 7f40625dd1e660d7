import { interpretation, rule, sourceNote, t, type Rule } from './declare.js';
import type { PredicateName } from './predicates.js';

const B = 'Behandeling';
const S = 'Systemische therapie';
const RT = 'Radiotherapie';
const FU = 'Prognose en opvolging';

export const CATEGORY_RULES: Rule[] = [
  rule({
    id: 'tx.category-1', kind: 'inform', group: 'category', priority: 60, when: ['category1'], ids: ['TX-CATEGORY-1'], section: 'Behandeling, tabel', refs: [2],
    text: t('Categorie 1 — prognose niet ongunstig.', 'Category 1 — prognosis not unfavourable.'),
    rationale: t('KPS ≥ 70, geen ernstige encefalopathie of uitval, systemische ziekte niet bedreigend, geen resistentie.',
      'KPS ≥ 70, no severe encephalopathy or deficit, systemic disease not threatening, no resistance.'),
  }),
  rule({
    id: 'tx.category-2', kind: 'inform', group: 'category', priority: 60, when: ['category2'], ids: ['TX-CATEGORY-2'], section: 'Behandeling, tabel', refs: [2],
    text: t('Categorie 2 — prognose ongunstig.', 'Category 2 — prognosis unfavourable.'),
    rationale: t('Niet categorie 1 en niet categorie 3.', 'Neither category 1 nor category 3.'),
  }),
  rule({
    id: 'tx.category-3', kind: 'inform', group: 'category', priority: 60, when: ['category3'], ids: ['TX-CATEGORY-3'], section: 'Behandeling, tabel', refs: [2],
    text: t('Categorie 3 — prognose zeer ongunstig.', 'Category 3 — prognosis very unfavourable.'),
    rationale: t('KPS < 70 en progressieve systemische ziekte zonder behandelopties.', 'KPS < 70 and progressive systemic disease without treatment options.'),
    note: interpretation('Beide voorwaarden moeten gelden; KPS < 70 met behandelbare systemische ziekte is categorie 2.',
      'Both conditions must hold; KPS < 70 with treatable systemic disease is category 2.'),
  }),
  rule({
    id: 'tx.category-brain-mets', kind: 'inform', group: 'category', priority: 61, when: ['categoryKnown', 'brainMetastases'], ids: ['TX-CATEGORY-BRAIN-METS'],
    section: 'Toelichting behandeling 2; NL landelijke richtlijn',
    text: t('Er zijn ook hersenmetastasen: de categorie geldt, met de hersenmetastasen als bijkomende factor.',
      'Brain metastases are also present: the category applies, with the brain metastases as a modifier.'),
    rationale: t('Het behandelschema geldt ook voor LM met hersenmetastasen.', 'The treatment chart also applies to LM with brain metastases.'),
    note: interpretation('De landelijke tabel is geschreven voor LM zonder hersenmetastasen.', 'The national table was written for LM without brain metastases.'),
  }),
  rule({
    id: 'tx.kps-adl', kind: 'inform', group: 'category', priority: 62, when: ['perfFromAdl'], ids: ['TX-KPS-ADL'], section: 'Toelichting behandeling 1; Bijlage 1', refs: [13],
    text: t('Geen KPS bekend: volledig zelfstandig in ADL telt als KPS ≥ 70, afhankelijk als KPS < 70. Scoor zo mogelijk de KPS (Bijlage 1).',
      'No KPS recorded: fully independent in ADL counts as KPS ≥ 70, dependent as KPS < 70. Score the KPS where possible (Appendix 1).'),
    rationale: t('Zelfverzorging ligt op KPS 70.', 'Self-care corresponds to KPS 70.'),
  }),
  rule({
    id: 'kps.scale', kind: 'inform', group: 'category', priority: 63, when: ['perfFromKps'], ids: ['KPS-SCALE'], section: 'Bijlage 1', refs: [13],
    text: t('KPS {kps}: {kpsText}.', 'KPS {kps}: {kpsText}.'),
    rationale: t('Karnofsky-schaal, Bijlage 1.', 'Karnofsky scale, Appendix 1.'),
  }),
];

/** The rapid targeted options: the only ones the low-KPS exception and an unknown KPS can give. */
const RAPID: readonly { key: string; when: PredicateName; id: string; drug: 'braf-mek-inhibitor' | 'egfr-tki' | 'alk-tki'; section: string; refs: number[] }[] = [
  { key: 'melanoma-braf', when: 'optionMelanomaBraf', id: 'TX-MELANOMA-BRAF', drug: 'braf-mek-inhibitor', section: 'Systemische therapie 2', refs: [6] },
  { key: 'nsclc-egfr', when: 'optionNsclcEgfr', id: 'TX-NSCLC-EGFR', drug: 'egfr-tki', section: 'Systemische therapie 3', refs: [9] },
  { key: 'nsclc-alk', when: 'optionNsclcAlk', id: 'TX-NSCLC-ALK', drug: 'alk-tki', section: 'Systemische therapie 3', refs: [10] },
];

/** TX-TARGETED-EXCEPTION as one block: best supportive care unless the MDO decides on the rapid targeted drug. */
export const EXCEPTION_RULES: Rule[] = RAPID.map((o) => rule({
  id: `tx.exception.${o.key}`, kind: 'consider', group: 'treatment', priority: 101, when: [o.when], ids: ['TX-BSC', 'TX-TARGETED-EXCEPTION', o.id],
  section: 'Toelichting behandeling 3; Behandeling', refs: o.refs, interventions: ['best-supportive-care', o.drug],
  text: t('KPS < 70: best supportive care, tenzij in het MDO met de hoofdbehandelaar wordt besloten toch te starten met {optionDrug}; die werkt vaak al binnen korte tijd.',
    'KPS < 70: best supportive care, unless the MDO and the treating physician decide to start {optionDrug} nonetheless; it often acts within a short time.'),
  rationale: t('Bij slechte conditie is het effect van behandeling meestal gering of te laat; gerichte therapie is de uitzondering.',
    'In poor condition treatment effect is usually small or too late; targeted therapy is the exception.'),
  note: interpretation('Alleen EGFR, ALK en BRAF V600 (gesloten lijst).', 'Only EGFR, ALK and BRAF V600 (closed list).'),
}));

/** Step 2: performance unknown — only what every performance branch gives. */
export const PERFORMANCE_UNKNOWN_RULES: Rule[] = RAPID.map((o) => rule({
  id: `tx.performance-unknown.${o.key}`, kind: 'consider', group: 'treatment', priority: 102, when: [o.when], ids: [o.id],
  section: o.section, refs: o.refs, interventions: [o.drug],
  text: t('{optionDrug} is bij elke KPS een optie: bij KPS ≥ 70 als systemische behandeling, bij KPS < 70 als uitzondering op best supportive care (MDO, hoofdbehandelaar). Leg de KPS vast voor de rest van het plan.',
    '{optionDrug} is an option at any KPS: with KPS ≥ 70 as systemic treatment, with KPS < 70 as the exception to best supportive care (MDO, treating physician). Record the KPS for the rest of the plan.'),
  rationale: t('Snel werkzame gerichte therapie; de KPS beslist over de rest van het plan.', 'Rapidly acting targeted therapy; the KPS decides the rest of the plan.'),
}));

export const PLAN_RULES: Rule[] = [
  rule({
    id: 'tx.mdo', kind: 'do', group: 'treatment', priority: 100, when: [], ids: ['TX-MDO'], section: B, interventions: ['mdo'],
    text: t('Bespreek de patiënt in het neuro-oncologisch MDO metastasen.', 'Discuss the patient in the neuro-oncology multidisciplinary meeting (metastases).'),
    rationale: t('Geldt voor elke nieuwe diagnose LM.', 'Applies to every new diagnosis of LM.'),
  }),
  rule({
    id: 'tx.bsc', kind: 'do', group: 'treatment', priority: 101, when: [], ids: ['TX-BSC'], section: B, interventions: ['best-supportive-care'],
    text: t('Slechte conditie (KPS < 70): best supportive care is in het algemeen de beste behandeling.',
      'Poor condition (KPS < 70): best supportive care is generally the best treatment.'),
    rationale: t('Het effect van behandeling is dan gering, te laat of te toxisch.', 'Treatment effect is then small, too late or too toxic.'),
  }),
  rule({
    id: 'tx.systemic', kind: 'consider', group: 'treatment', priority: 110, when: [], ids: ['TX-SYSTEMIC'], section: 'Toelichting behandeling 2',
    interventions: ['systemic-therapy'],
    text: t('Systemische behandeling is een optie als het middel voldoende de bloed-hersenbarrière passeert (reële kans op respons) en snel effect op de neurologische uitval zal hebben; dat geldt ook bij nodulaire LM en bij bijkomende hersenmetastasen.',
      'Systemic treatment is an option when the drug crosses the blood–brain barrier well enough (a real chance of response) and will act quickly on the neurological deficit; this also holds for nodular LM and with additional brain metastases.'),
    rationale: t('Alleen dan is effect op de uitval te verwachten.', 'Only then can an effect on the deficit be expected.'),
  }),
  rule({
    id: 'tx.systemic-preferred', kind: 'inform', group: 'treatment', priority: 111, when: [], ids: ['TX-SYSTEMIC-PREFERRED'], section: B,
    text: t('Een zinvolle systemische behandeling heeft de voorkeur boven (lokale) radiotherapie.', 'A meaningful systemic treatment is preferred over (local) radiotherapy.'),
    rationale: t('Gunstiger toxiciteit, behandelt het hele CZS, meestal langer effect.', 'Better toxicity, treats the whole CNS, usually longer effect.'),
  }),
  rule({
    id: 'tx.choice-with-oncologist', kind: 'do', group: 'treatment', priority: 112, when: [], ids: ['TX-CHOICE-WITH-ONCOLOGIST'], section: S,
    topic: t('keuze met de oncoloog', 'choice with the oncologist'),
    text: t('Kies de systemische therapie samen met de behandelend oncoloog of longarts.', 'Choose the systemic therapy together with the treating oncologist or pulmonologist.'),
    rationale: t('Gedeelde beslissing.', 'Shared decision.'),
  }),
  rule({
    id: 'tx.option.breast-her2', kind: 'do', group: 'treatment', priority: 120, when: ['optionBreastHer2'], ids: ['TX-BREAST'], section: 'Systemische therapie 1',
    refs: [4, 5], interventions: ['her2-directed'],
    text: t('HER2-positief mammacarcinoom: HER2-gerichte therapie (trastuzumab, pertuzumab, T-DM1, lapatinib, tucatinib), eventueel met capecitabine.',
      'HER2-positive breast cancer: HER2-directed therapy (trastuzumab, pertuzumab, T-DM1, lapatinib, tucatinib), possibly with capecitabine.'),
    rationale: t('Werkzaam bij hersenmetastasen; het bewijs voor LM is daaruit afgeleid. Lobulair en triple-negatief geven vaker LM, met een slechtere prognose.',
      'Effective in brain metastases; the evidence for LM is extrapolated from it. Lobular and triple-negative subtypes get LM more often and do worse.'),
  }),
  rule({
    id: 'tx.option.breast-capecitabine', kind: 'do', group: 'treatment', priority: 120, when: ['optionBreastCapecitabine'], ids: ['TX-BREAST'],
    section: 'Systemische therapie 1', refs: [4], interventions: ['capecitabine'],
    text: t('Mammacarcinoom: capecitabine (goede penetratie van de bloed-hersenbarrière).', 'Breast cancer: capecitabine (good blood–brain barrier penetration).'),
    rationale: t('Bewijs afgeleid van hersenmetastasen. Lobulair en triple-negatief geven vaker LM, met een slechtere prognose.',
      'Evidence extrapolated from brain metastases. Lobular and triple-negative subtypes get LM more often and do worse.'),
  }),
  rule({
    id: 'tx.option.melanoma-braf', kind: 'do', group: 'treatment', priority: 120, when: ['optionMelanomaBraf'], ids: ['TX-MELANOMA-BRAF'],
    section: 'Systemische therapie 2', refs: [6], interventions: ['braf-mek-inhibitor'],
    text: t('BRAF V600-gemuteerd melanoom: BRAF- plus MEK-remming (dabrafenib/trametinib of vemurafenib/cobimetinib); voorkeur boven immunotherapie bij symptomatische LM of matige conditie.',
      'BRAF V600-mutant melanoma: BRAF plus MEK inhibition (dabrafenib/trametinib or vemurafenib/cobimetinib); preferred over immunotherapy for symptomatic LM or moderate condition.'),
    rationale: t('Respons bij ongeveer de helft, vaak binnen dagen.', 'Response in about half, often within days.'),
  }),
  ...([
    ['tx.option.melanoma-io', { not: 'wbrtBridge' }, t('Er is hier geen overbrugging beschikbaar (geen BRAF/MEK-remming meer mogelijk en geen indicatie voor schedelbestraling): weeg de trage werking af in het MDO.',
      'No bridge is available here (BRAF/MEK inhibition not possible and no indication for whole-brain RT): weigh the slow onset in the MDO.')],
    ['tx.option.melanoma-io-bridge', 'wbrtBridge', t('Overbrugging met totale schedelbestraling kan worden overwogen (zie radiotherapie).',
      'Bridging with whole-brain RT may be considered (see radiotherapy).')],
    ['tx.option.melanoma-io-bridge-open', 'wbrtBridgeUndecided', t('Of totale schedelbestraling kan overbruggen, hangt af van de KPS (alleen bij KPS ≥ 80): leg de KPS vast.',
      'Whether whole-brain RT can bridge depends on the KPS (only with KPS ≥ 80): record the KPS.')],
  ] as const).map(([id, bridge, tail]) => rule({
    id, kind: 'do', group: 'treatment', priority: 120, when: ['optionMelanomaIo', bridge], ids: ['TX-MELANOMA-IO'], section: 'Systemische therapie 2', refs: [7],
    interventions: ['checkpoint-inhibitor'],
    text: t(`Melanoom: checkpointremming (anti-PD-1, eventueel met anti-CTLA-4: nivolumab + ipilimumab). Het effect laat weken tot maanden op zich wachten. ${tail.nl}`,
      `Melanoma: checkpoint inhibition (anti-PD-1, possibly with anti-CTLA-4: nivolumab + ipilimumab). Its effect takes weeks to months. ${tail.en}`),
    rationale: t('Kans op langdurige respons, maar trage werking; actieve LM is vaak te snel progressief.', 'Chance of durable response, but slow onset; active LM often progresses too fast.'),
    note: sourceNote('De bron noemt "ipilimumab en pembrolizumab", maar referentie 7 (Tawbi 2018) onderzocht nivolumab plus ipilimumab.',
      'The source names "ipilimumab and pembrolizumab", but its reference 7 (Tawbi 2018) studied nivolumab plus ipilimumab.'),
  })),
  rule({
    id: 'tx.option.nsclc-egfr', kind: 'do', group: 'treatment', priority: 120, when: ['optionNsclcEgfr'], ids: ['TX-NSCLC-EGFR'], section: 'Systemische therapie 3',
    refs: [9], interventions: ['egfr-tki'],
    text: t('EGFR-gemuteerd NSCLC: osimertinib (derde generatie TKI, beste penetratie in het CZS).', 'EGFR-mutant NSCLC: osimertinib (third-generation TKI, best CNS penetration).'),
    rationale: t('Mediane PFS 7 maanden bij 13 patiënten met LM.', 'Median PFS 7 months in 13 patients with LM.'),
  }),
  rule({
    id: 'tx.option.nsclc-alk', kind: 'do', group: 'treatment', priority: 120, when: ['optionNsclcAlk'], ids: ['TX-NSCLC-ALK'], section: 'Systemische therapie 3',
    refs: [10], interventions: ['alk-tki'],
    text: t('ALK-getransloceerd NSCLC: een ALK-remmer zoals lorlatinib of alectinib.', 'ALK-translocated NSCLC: an ALK inhibitor such as lorlatinib or alectinib.'),
    rationale: t('Goede respons bij hersenmetastasen; geen LM-specifieke data.', 'Good response in brain metastases; no LM-specific data.'),
  }),
  rule({
    id: 'tx.option.nsclc-io-mono', kind: 'do', group: 'treatment', priority: 120, when: ['optionNsclcIoMono'], ids: ['TX-NSCLC-NO-TARGET'],
    section: 'Systemische therapie 3', refs: [8], interventions: ['checkpoint-inhibitor'],
    text: t('NSCLC {driverPhrase}, PD-L1 {pdl1}% (≥ 50%): immunotherapie als monotherapie (standaard eerste lijn).',
      'NSCLC {driverPhrase}, PD-L1 {pdl1}% (≥ 50%): immunotherapy alone (standard first line).'),
    rationale: t('Eerstelijnsstandaard; geen LM-specifieke data.', 'First-line standard; no LM-specific data.'),
    note: sourceNote('De bron schrijft "> 50%"; registratie en de landelijke NSCLC-richtlijn gebruiken ≥ 50%: hier ≥ 50%.',
      'The source writes "> 50%"; the registration and the Dutch NSCLC guideline use ≥ 50%: built as ≥ 50%.'),
  }),
  rule({
    id: 'tx.option.nsclc-chemo-io', kind: 'do', group: 'treatment', priority: 120, when: ['optionNsclcChemoIo'], ids: ['TX-NSCLC-NO-TARGET'],
    section: 'Systemische therapie 3', refs: [8], interventions: ['chemo-immunotherapy'],
    text: t('NSCLC {driverPhrase}, PD-L1 {pdl1}% (< 50%): chemo-immunotherapie (standaard eerste lijn).',
      'NSCLC {driverPhrase}, PD-L1 {pdl1}% (< 50%): chemo-immunotherapy (standard first line).'),
    rationale: t('Eerstelijnsstandaard; geen LM-specifieke data.', 'First-line standard; no LM-specific data.'),
  }),
  rule({
    id: 'tx.option.sclc', kind: 'do', group: 'treatment', priority: 120, when: ['optionSclc'], ids: ['TX-SCLC'], section: 'Systemische therapie 4', refs: [11],
    interventions: ['chemotherapy'],
    text: t('SCLC: chemotherapie; omdat de cerebrale respons minder is dan de systemische, hoort daar totale schedelbestraling bij (zie radiotherapie).',
      'SCLC: chemotherapy; because the cerebral response is weaker than the systemic one, whole-brain RT goes with it (see radiotherapy).'),
    rationale: t('Geen gerichte behandelingen beschikbaar.', 'No targeted treatments available.'),
  }),
  rule({
    id: 'tx.nsclc-other-tki', kind: 'avoid', group: 'treatment', priority: 121, when: ['nsclc', 'krasG12c'], ids: ['TX-NSCLC-OTHER-TKI'], section: 'Systemische therapie 3',
    interventions: ['kras-g12c-inhibitor'],
    text: t('KRAS G12C: sotorasib is voor LM (nog) geen eerstelijnsbehandeling; er zijn geen data over cerebrale werkzaamheid.',
      'KRAS G12C: sotorasib is not (yet) a first-line option for LM; there are no data on cerebral efficacy.'),
    rationale: t('Patiënten met hersenmetastasen waren uitgesloten van de studies.', 'Patients with brain metastases were excluded from the trials.'),
  }),
  rule({
    id: 'tx.other-primary', kind: 'inform', group: 'treatment', priority: 122, when: ['optionOther'], ids: ['TX-OTHER-PRIMARY'], section: B,
    text: t('Voor deze tumor geeft de richtlijn geen tumorspecifiek advies: volg het categorie-algoritme en beslis in het MDO.',
      'For this tumour the guideline gives no tumour-specific advice: follow the category algorithm and decide in the MDO.'),
    rationale: t('Geen tumorspecifieke paragraaf.', 'No tumour-specific section.'),
    note: interpretation('Ook voor kiemceltumoren.', 'Also for germ-cell tumours.'),
  }),
  rule({
    id: 'tx.no-option', kind: 'inform', group: 'treatment', priority: 122, when: ['optionNone'], ids: ['TX-MDO', 'TX-CHOICE-WITH-ONCOLOGIST'], section: B,
    text: t('Geen (resterende) systemische optie uit de richtlijntabel: kies in het MDO, met de behandelend oncoloog, of en welke volgende lijn zinvol is.',
      'No (remaining) systemic option in the guideline table: decide in the MDO, with the treating oncologist, whether and which next line makes sense.'),
    rationale: t('De opties in de tabel zijn niet (meer) bruikbaar.', 'The options in the table are not (or no longer) usable.'),
  }),
];

export const RT_RULES: Rule[] = [
  rule({
    id: 'tx.rt-focal', kind: 'consider', group: 'radiotherapy', priority: 130, when: ['nodular', 'category1'], ids: ['TX-RT-FOCAL'],
    section: 'Toelichting behandeling 4; Radiotherapie', interventions: ['focal-rt'],
    text: t('Nodulaire (bulky) LM: overweeg stereotactische of lokale radiotherapie, met MRI voor de responsevaluatie.',
      'Nodular (bulky) LM: consider stereotactic or local radiotherapy, with MRI for response evaluation.'),
    rationale: t('Ook bij bijkomende hersenmetastasen.', 'Also with additional brain metastases.'),
  }),
  rule({
    id: 'tx.rt-cat2', kind: 'avoid', group: 'radiotherapy', priority: 131, when: ['nodular', 'category2'], ids: ['TX-RT-CAT2-SYMPTOMATIC-ONLY'],
    section: 'Toelichting behandeling 4', interventions: ['focal-rt-asymptomatic'],
    text: t('Categorie 2: bestraal alleen symptomatische locaties, geen asymptomatische bulky ziekte.',
      'Category 2: irradiate symptomatic locations only, not asymptomatic bulky disease.'),
    rationale: t('Beperkte winst bij een ongunstige prognose.', 'Limited benefit with an unfavourable prognosis.'),
  }),
  rule({
    id: 'tx.rt-symptomatic', kind: 'consider', group: 'radiotherapy', priority: 132, when: ['hasSymptomaticLocations'], ids: ['TX-RT-SYMPTOMATIC'], section: RT,
    interventions: ['focal-rt'],
    text: t('Overweeg stereotactische of lokale radiotherapie op de symptomatische locaties (hersenzenuwuitval, radiculair syndroom, cauda equina), gericht op nodulaire MRI-afwijkingen of op de klinische lokalisatie.',
      'Consider stereotactic or local radiotherapy of the symptomatic locations (cranial-nerve deficit, radicular syndrome, cauda equina), aimed at nodular MRI lesions or at the clinical localisation.'),
    rationale: t('Symptoombestrijding.', 'Symptom relief.'),
  }),
  rule({
    id: 'tx.wbrt-breast', kind: 'consider', group: 'radiotherapy', priority: 133, when: ['linearCerebral', 'breast', 'wbrtCategoryOk'],
    ids: ['TX-WBRT', 'TX-WBRT-RADIOSENSITIVE'], section: 'Toelichting behandeling 4; Radiotherapie', interventions: ['wbrt'],
    text: t('Diffuse/lineaire cerebrale LM: overweeg totale schedelbestraling ter verlichting van klachten; mammacarcinoom is radiosensitief. Geen overlevingswinst; weeg af tegen bijwerkingen (hoofdpijn, moeheid, haaruitval).',
      'Diffuse/linear cerebral LM: consider whole-brain RT to relieve symptoms; breast cancer is radiosensitive. No survival gain; weigh against side effects (headache, fatigue, hair loss).'),
    rationale: t('Meer effect bij radiosensitieve tumoren.', 'More effect in radiosensitive tumours.'),
  }),
  rule({
    id: 'tx.wbrt-sclc', kind: 'do', group: 'radiotherapy', priority: 133, when: ['sclc', 'optionSclc'], ids: ['TX-WBRT', 'TX-WBRT-RADIOSENSITIVE', 'TX-SCLC'],
    section: 'Systemische therapie 4; Radiotherapie', refs: [11], interventions: ['wbrt'],
    text: t('SCLC: totale schedelbestraling naast de chemotherapie, bij elk MRI-patroon (radiosensitief; de cerebrale respons op chemotherapie is minder). Geen overlevingswinst; weeg af tegen bijwerkingen.',
      'SCLC: whole-brain RT alongside chemotherapy, whatever the MRI pattern (radiosensitive; the cerebral response to chemotherapy is weaker). No survival gain; weigh against side effects.'),
    rationale: t('De conditie laat het toe (KPS ≥ 70).', 'The condition allows it (KPS ≥ 70).'),
    note: interpretation('"Als de conditie het toelaat" gelezen als KPS ≥ 70; geldt voor elk MRI-patroon.', '"If the condition allows" read as KPS ≥ 70; applies whatever the MRI pattern.'),
  }),
  rule({
    id: 'tx.wbrt-sclc-alone', kind: 'consider', group: 'radiotherapy', priority: 133, when: ['linearCerebral', 'sclc', { not: 'optionSclc' }, 'wbrtCategoryOk'],
    ids: ['TX-WBRT', 'TX-WBRT-RADIOSENSITIVE'], section: 'Toelichting behandeling 4; Radiotherapie', interventions: ['wbrt'],
    text: t('SCLC zonder resterende chemotherapieoptie, diffuse/lineaire cerebrale LM: overweeg totale schedelbestraling ter verlichting van klachten (radiosensitief); geen overlevingswinst; weeg af tegen bijwerkingen.',
      'SCLC without a remaining chemotherapy option, diffuse/linear cerebral LM: consider whole-brain RT to relieve symptoms (radiosensitive); no survival gain; weigh against side effects.'),
    rationale: t('Geen snel werkzame systemische optie.', 'No rapid systemic option.'),
  }),
  rule({
    id: 'tx.wbrt-other', kind: 'consider', group: 'radiotherapy', priority: 133, when: ['linearCerebral', 'otherPrimary', 'wbrtCategoryOk'], ids: ['TX-WBRT'],
    section: 'Toelichting behandeling 4; Radiotherapie', interventions: ['wbrt'],
    text: t('Diffuse/lineaire cerebrale LM zonder snel werkzame systemische optie: overweeg totale schedelbestraling ter verlichting van klachten; geen overlevingswinst; weeg af tegen bijwerkingen.',
      'Diffuse/linear cerebral LM without a rapid systemic option: consider whole-brain RT to relieve symptoms; no survival gain; weigh against side effects.'),
    rationale: t('Symptoombestrijding.', 'Symptom relief.'),
  }),
  rule({
    id: 'tx.wbrt-melanoma-bridge', kind: 'consider', group: 'radiotherapy', priority: 134, when: ['wbrtBridge'],
    ids: ['TX-WBRT', 'TX-WBRT-AVOID', 'TX-MELANOMA-IO'], section: RT, refs: [7], interventions: ['wbrt'],
    text: t('BRAF-wildtype melanoom op immunotherapie, KPS ≥ 80: totale schedelbestraling kan alleen als overbrugging worden overwogen; bij melanoom wordt weinig effect verwacht en buiten deze situatie wordt ze afgeraden.',
      'BRAF wild-type melanoma on immunotherapy, KPS ≥ 80: whole-brain RT may be considered only as a bridge; little effect is expected in melanoma and outside this situation it is advised against.'),
    rationale: t('Immunotherapie werkt traag; overbrugging wordt aangeraden.', 'Immunotherapy acts slowly; bridging is advised.'),
    note: interpretation('Alleen bij KPS ≥ 80, zodat de waarschuwing "zeker bij matige performance" gerespecteerd wordt.',
      'Only with KPS ≥ 80, respecting the caution "certainly with moderate performance".'),
  }),
  rule({
    id: 'tx.wbrt-avoid', kind: 'avoid', group: 'radiotherapy', priority: 135, when: ['linearCerebral', 'nsclcOrMelanoma', { not: 'wbrtBridge' }], ids: ['TX-WBRT-AVOID'],
    section: RT, interventions: ['wbrt'],
    text: t('Melanoom en NSCLC: totale schedelbestraling wordt afgeraden (weinig effect verwacht, zeker bij matige performance).',
      'Melanoma and NSCLC: whole-brain RT is advised against (little effect expected, certainly with moderate performance).'),
    rationale: t('Weinig radiosensitief.', 'Poorly radiosensitive.'),
  }),
];

export const ALWAYS_RULES: Rule[] = [
  rule({
    id: 'tx.no-intrathecal', kind: 'avoid', group: 'treatment', priority: 200, when: [], ids: ['TX-NO-INTRATHECAL'], section: 'Radiotherapie (laatste alinea)',
    refs: [1, 12], interventions: ['intrathecal-chemotherapy'],
    text: t('Intrathecale chemotherapie wordt in principe niet gegeven: geen overlevingswinst, wel meer bijwerkingen.',
      'Intrathecal chemotherapy is in principle not given: no survival gain, more side effects.'),
    rationale: t('Studies bij mammacarcinoom.', 'Studies in breast cancer.'),
  }),
  rule({
    id: 'fu.clinical', kind: 'do', group: 'follow-up', priority: 300, when: [], ids: ['FU-CLINICAL'], section: FU, interventions: ['clinical-follow-up'],
    text: t('Vervolg primair klinisch.', 'Follow up primarily on clinical grounds.'),
    rationale: t('Klinische verschijnselen sturen het beleid.', 'Clinical signs guide management.'),
  }),
  rule({
    id: 'fu.no-routine-csf', kind: 'avoid', group: 'follow-up', priority: 301, when: [], ids: ['FU-NO-ROUTINE-CSF'], section: FU, interventions: ['routine-csf-follow-up'],
    text: t('Vervolg celgetal of eiwit in de liquor niet routinematig: dat heeft geen voorspellende waarde.',
      'Do not follow CSF cell count or protein routinely: it has no predictive value.'),
    rationale: t('Niet zinvol.', 'Not useful.'),
  }),
  rule({
    id: 'fu.icp-lp', kind: 'consider', group: 'follow-up', priority: 302, when: ['raisedIcp'], ids: ['FU-ICP-LP'], section: FU, interventions: ['lumbar-puncture'],
    text: t('Verhoogde intracraniële druk: (herhaalde) ontlastende lumbaalpuncties kunnen klachten verlichten, bijvoorbeeld als overbrugging tot de systemische therapie werkt.',
      'Raised intracranial pressure: (repeated) relieving lumbar punctures can ease symptoms, e.g. to bridge until systemic therapy works.'),
    rationale: t('Symptoombestrijding.', 'Symptom relief.'),
  }),
  rule({
    id: 'prog.untreated', kind: 'inform', group: 'prognosis', priority: 400, when: [], ids: ['PROG-UNTREATED'], section: 'Prognose',
    text: t('Onbehandeld is de mediane overleving 6–8 weken, meestal door progressieve neurologische uitval.',
      'Untreated, median survival is 6–8 weeks, mostly from progressive neurological deficit.'),
    rationale: t('Natuurlijk beloop.', 'Natural course.'),
  }),
];

export const FOLLOW_UP_RULES: Rule[] = [
  rule({
    id: 'prog.treated', kind: 'inform', group: 'prognosis', priority: 401, when: [], ids: ['PROG-TREATED'], section: 'Prognose', refs: [1],
    text: t('Met systemische behandeling die de bloed-hersenbarrière passeert stijgt de mediane overleving naar enkele maanden; 1-jaarsoverleving ~20% (mamma, NSCLC), ~7% (melanoom).',
      'With systemic treatment that crosses the blood–brain barrier, median survival rises to several months; 1-year survival ~20% (breast, NSCLC), ~7% (melanoma).'),
    rationale: t('Gerapporteerde overleving.', 'Reported survival.'),
  }),
  rule({
    id: 'fu.mri', kind: 'do', group: 'follow-up', priority: 303, when: ['radiologicallyVisible'], ids: ['FU-MRI'], section: FU, interventions: ['mri-follow-up'],
    text: t('LM is radiologisch zichtbaar: vervolg met MRI om het effect van de behandeling te beoordelen, en bij nieuwe neurologische klachten (bv. voor een bestralingsdoel).',
      'LM is radiologically visible: follow up with MRI to assess treatment effect, and on new neurological signs (e.g. to define an RT target).'),
    rationale: t('Nodulaire, hersenzenuw- of wortelaankleuring is te vervolgen.', 'Nodular, cranial-nerve or root enhancement can be followed.'),
  }),
  rule({
    id: 'fu.shunt', kind: 'consider', group: 'follow-up', priority: 304, when: ['icpOrHydrocephalus', 'meaningfulOption'], ids: ['FU-SHUNT'], section: FU,
    interventions: ['csf-shunt'],
    text: t('Goede conditie (KPS ≥ 70) en een goede verwachte respons op systemische therapie: een ventriculo- of lumboperitoneale drain kan worden overwogen; bespreek het complicatierisico (o.a. disfunctioneren van de drain) in het MDO.',
      'Good condition (KPS ≥ 70) and a good expected response to systemic therapy: a ventriculo- or lumbo-peritoneal shunt may be considered; discuss the complication risk (e.g. shunt dysfunction) in the MDO.'),
    rationale: t('Alleen voor geselecteerde patiënten.', 'Only for selected patients.'),
    note: interpretation('Alleen bij verhoogde druk of hydrocephalus; goede respons = een zinvolle systemische optie, snel of niet.',
      'Only with raised pressure or hydrocephalus; good response = a meaningful systemic option, rapid or not.'),
  }),
];
