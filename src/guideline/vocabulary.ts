// The case's closed vocabularies, without zod: read by the schema and by the zod-free core (value of information).
export const PRIMARY_TUMOURS = [
  'breast', 'melanoma', 'nsclc', 'sclc', 'germ-cell', 'other-solid', 'primary-brain', 'haematological',
] as const;
export const SYMPTOMS = [
  'headache', 'nausea-vomiting', 'confusion', 'ataxia', 'cranial-nerve-deficit',
  'radicular-syndrome', 'radicular-pain', 'cauda-equina', 'visual-complaints',
] as const;
export const MRI_FINDINGS = [
  'linear-sulcal', 'cerebellar-folia', 'cranial-nerve', 'spinal-roots', 'nodular',
  'hydrocephalus', 'brain-metastases', 'epidural-extension',
] as const;
export const THERAPY_CLASSES = [
  'her2-directed', 'capecitabine', 'braf-mek-inhibitor', 'checkpoint-inhibitor', 'egfr-tki', 'alk-tki',
  'kras-g12c-inhibitor', 'chemo-immunotherapy', 'chemotherapy', 'hormonal-therapy',
] as const;
export const SYMPTOMATIC_LOCATIONS = ['cranial-nerve', 'radicular', 'cauda-equina'] as const;
export const SYSTEMIC_STATUS = ['absent', 'controlled', 'progressive-with-options', 'progressive-without-options'] as const;
