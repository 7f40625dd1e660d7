// The source's reference list (numbers as in the guideline), cited by rules' refs.
export const REFERENCES: Readonly<Record<number, string>> = {
  1: 'Le Rhun E, et al. EANO–ESMO Clinical Practice Guidelines for leptomeningeal metastasis from solid tumours. Ann Oncol 2017;28(suppl 4).',
  2: 'Federatie Medisch Specialisten. Richtlijn leptomeningeale metastasen van solide tumoren. 2018.',
  3: 'Straathof CS, et al. The diagnostic accuracy of MRI and CSF cytology in leptomeningeal metastasis. J Neurol 1999;246.',
  4: 'Morikawa A, et al. Capecitabine and lapatinib uptake in resected brain metastases from breast cancer. Neuro-Oncology 2015;17.',
  5: 'Bachelot T, et al. Lapatinib plus capecitabine in untreated brain metastases from HER2-positive breast cancer (LANDSCAPE). Lancet Oncol 2013;14.',
  6: 'Federatie Medisch Specialisten. Richtlijn melanoom. 2019.',
  7: 'Tawbi HA, et al. Combined nivolumab and ipilimumab in melanoma metastatic to the brain. N Engl J Med 2018;379.',
  8: 'Federatie Medisch Specialisten. Richtlijn niet-kleincellig longcarcinoom. 2020.',
  9: 'Nanjo S, et al. Standard-dose osimertinib for refractory leptomeningeal metastases in T790M-positive EGFR-mutant NSCLC. Br J Cancer 2018;118.',
  10: 'Cheng H, Perez-Soler R. Leptomeningeal metastases in non-small-cell lung cancer. Lancet Oncol 2018;19.',
  11: 'Seute T, et al. Response of asymptomatic brain metastases from SCLC to systemic first-line chemotherapy. J Clin Oncol 2006;24.',
  12: 'Boogerd W, et al. The relevance of intraventricular chemotherapy for leptomeningeal metastasis in breast cancer. Eur J Cancer 2004;40.',
  13: "Wagener DJT. 'Performance scales' in de oncologie. Ned Tijdschr Geneeskd 1990.",
};
