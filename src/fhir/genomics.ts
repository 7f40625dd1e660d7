// Genomics reporting IG variant Observations (69548-6 with gene studied) → EGFR, ALK, BRAF V600, KRAS G12C.
import type { ObservationComponent } from '@medplum/fhirtypes';
import { COMPONENT, GENES, type Gene } from './codes.js';
import { unreadable, type Obs } from './obs.js';
import { codings, matchCode, text } from './read.js';
import { issue } from './types.js';
import { posNegOf } from './values.js';

type Field = 'egfr' | 'alk' | 'krasG12c' | 'brafV600';
type Put = (field: Field, value: string) => void;

function component(x: Obs, code: { system: string; code: string }): ObservationComponent | undefined {
  return (x.o.component ?? []).find((c) => codings(c.code).some((k) => k.system === code.system && k.code === code.code));
}

const GENE_WORDS = Object.fromEntries(Object.entries(GENES).map(([g, d]) => [g, new RegExp(`\\b${d.display}\\b`)])) as Record<Gene, RegExp>;

function geneOf(x: Obs): Gene | undefined {
  const c = component(x, COMPONENT.geneStudied);
  if (!c) return undefined;
  const entries = Object.entries(GENES) as [Gene, (typeof GENES)[Gene]][];
  const byCode = entries.find(([, g]) => matchCode(c.valueCodeableConcept, [g]));
  if (byCode) return byCode[0];
  const words = `${text(c.valueCodeableConcept)} ${c.valueString ?? ''}`.toUpperCase();
  return entries.find(([g]) => GENE_WORDS[g].test(words))?.[0];
}

function changeOf(x: Obs): string {
  return [COMPONENT.aminoAcidChange, COMPONENT.dnaChange].map((code) => {
    const c = component(x, code);
    return c ? `${text(c.valueCodeableConcept)} ${codings(c.valueCodeableConcept).map((k) => k.code ?? '').join(' ')} ${c.valueString ?? ''}` : '';
  }).join(' ');
}

const V600 = /v600|val600/i;
const G12C = /g12c|gly12cys|c\.34g>t/i;

export function readVariant(x: Obs, put: Put): void {
  const gene = geneOf(x);
  const found = posNegOf(x.o);
  if (!gene) {
    unreadable(x, 'no gene studied that LeptoGuide reads (EGFR, ALK, BRAF, KRAS)', 'geen onderzocht gen dat LeptoGuide leest (EGFR, ALK, BRAF, KRAS)');
    return;
  }
  if (found !== 'positive' && found !== 'negative') {
    unreadable(x, 'variant neither present nor absent', 'variant niet aanwezig of afwezig');
    return;
  }
  const change = changeOf(x);
  const specific = change.trim() !== '';
  switch (gene) {
    case 'egfr': put('egfr', found === 'positive' ? 'mutant' : 'wild-type'); return;
    case 'alk': put('alk', found); return;
    case 'braf': return hotspot(x, put, 'brafV600', found, specific, V600.test(change), 'BRAF V600');
    case 'kras': return hotspot(x, put, 'krasG12c', found, specific, G12C.test(change), 'KRAS G12C');
  }
}

/** A found variant counts only at the hotspot; an absent result counts when it covers the hotspot or the whole gene. */
function hotspot(x: Obs, put: Put, field: Field, found: 'positive' | 'negative', specific: boolean, atHotspot: boolean, name: string): void {
  if (found === 'positive' && atHotspot) put(field, 'mutant');
  else if (found === 'negative' && (atHotspot || !specific)) put(field, 'wild-type');
  else {
    x.ctx.issues.push(issue('info', 'other-variant', x.ref,
      `${x.ref}: a variant other than ${name} is reported ${found === 'positive' ? 'present' : 'absent'}; ${name} stays unknown.`,
      `${x.ref}: een andere variant dan ${name} is ${found === 'positive' ? 'aanwezig' : 'afwezig'}; ${name} blijft onbekend.`));
  }
}
