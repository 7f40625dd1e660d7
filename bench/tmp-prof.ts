import { evaluate } from '../src/guideline/evaluate.js';
import { AS_OF, makeCohort } from './cohort.js';
const cases = makeCohort().slice(0, 20000);
let sink: unknown;
for (let k = 0; k < 8; k++) for (const c of cases) sink = evaluate(c, { asOf: AS_OF });
if (!sink) console.log('x');
