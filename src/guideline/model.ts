import { compile } from '../engine/compile.js';
import type { Model } from '../engine/types.js';
import { CHECKS } from './checks.js';
import { derive, FACTS, type Input, type LmFacts } from './facts.js';
import { FLOWCHARTS } from './flowcharts.js';
import { predicates, type PredicateName } from './predicates.js';
import { DIAGNOSIS_RULES, SCOPE_RULES } from './rules-diagnosis.js';
import { INTERVENTIONS } from './interventions.js';
import { GUARDS, SAFETY_RULES } from './rules-safety.js';
import {
  ALWAYS_RULES, CATEGORY_RULES, EXCEPTION_RULES, FOLLOW_UP_RULES, PERFORMANCE_UNKNOWN_RULES, PLAN_RULES, RT_RULES,
} from './rules-treatment.js';
import { TABLES } from './tables.js';

export const GUIDELINE = {
  id: 'erasmusmc-lm-solid-tumours',
  title: { nl: 'Richtlijn leptomeningeale metastasen van solide tumoren', en: 'Guideline leptomeningeal metastases of solid tumours' },
  publisher: 'Erasmus MC, afdeling Neurologie',
  version: '2022-09',
  plannedRevision: '2027',
} as const;

export const MODEL: Model<Input, LmFacts, PredicateName> = {
  id: GUIDELINE.id,
  facts: FACTS,
  derive,
  predicates,
  tables: TABLES,
  flowcharts: FLOWCHARTS,
  rules: [...SAFETY_RULES, ...SCOPE_RULES, ...DIAGNOSIS_RULES, ...CATEGORY_RULES, ...PLAN_RULES, ...EXCEPTION_RULES, ...PERFORMANCE_UNKNOWN_RULES,
    ...RT_RULES, ...ALWAYS_RULES, ...FOLLOW_UP_RULES],
  checks: CHECKS,
  guards: GUARDS,
  interventions: INTERVENTIONS,
};

/** Compiled once at load; authoring errors throw here. */
export const COMPILED = compile(MODEL);
