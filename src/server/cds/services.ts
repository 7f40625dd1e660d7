// The CDS services this server offers, as listed by discovery (GET /cds-services).
export interface ServiceDef {
  readonly id: string;
  readonly hook: 'patient-view' | 'order-sign' | 'order-select';
  readonly title: string;
  readonly description: string;
}

export const SERVICES: readonly ServiceDef[] = [
  {
    id: 'leptoguide-patient-view', hook: 'patient-view', title: 'LeptoGuide: leptomeningeal metastases',
    description: 'When leptomeningeal metastases of a solid tumour are known or suspected: where the patient stands in the Erasmus MC guideline (2022), EANO–ESMO type and certainty, treatment category and the advice, with requirement IDs.',
  },
  {
    id: 'leptoguide-order-sign', hook: 'order-sign', title: 'LeptoGuide: orders advised against in LM',
    description: 'Warns when signing intrathecal chemotherapy (TX-NO-INTRATHECAL) or whole-brain radiotherapy in melanoma or NSCLC (TX-WBRT-AVOID) for a patient with known or suspected leptomeningeal metastases.',
  },
  {
    id: 'leptoguide-order-select', hook: 'order-select', title: 'LeptoGuide: orders advised against in LM (on selection)',
    description: 'The order-sign checks, applied to the orders just selected.',
  },
];

export function discovery(prefetch: Readonly<Record<string, string>>): { services: object[] } {
  const types = [...new Set(Object.values(prefetch).map((q) => q.split(/[/?]/)[0]))].join(', ');
  return {
    services: SERVICES.map((s) => ({
      hook: s.hook, title: s.title, description: s.description, id: s.id, prefetch,
      usageRequirements: `Prefetch (or read access for fhirAuthorization) to the patient's ${types} resources; a signed JWT from an issuer in CDS_ISSUERS.`,
    })),
  };
}
