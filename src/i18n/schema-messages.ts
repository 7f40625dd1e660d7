import type { z } from 'zod';
import type { Text } from '../engine/types.js';

// Our words for schema issues, by zod issue code; both languages, checked by the parity test.
const list = (xs: readonly unknown[]): string => xs.map((x) => JSON.stringify(x)).join(', ');

export function schemaMessage(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { nl: 'ontbreekt', en: 'is missing' }
        : { nl: `verwacht ${typeName(issue.expected).nl}`, en: `expected ${typeName(issue.expected).en}` };
    case 'invalid_value':
      return { nl: `onbekende waarde; kies uit ${list(issue.values)}`, en: `unknown value; choose from ${list(issue.values)}` };
    case 'not_multiple_of':
      return { nl: `moet een veelvoud zijn van ${String(issue.divisor)}`, en: `must be a multiple of ${String(issue.divisor)}` };
    case 'too_small':
      return { nl: `moet minstens ${String(issue.minimum)} zijn`, en: `must be at least ${String(issue.minimum)}` };
    case 'too_big':
      return { nl: `mag hoogstens ${String(issue.maximum)} zijn`, en: `must be at most ${String(issue.maximum)}` };
    case 'invalid_format':
      return issue.format === 'date'
        ? { nl: 'ongeldige datum; gebruik JJJJ-MM-DD', en: 'invalid date; use YYYY-MM-DD' }
        : { nl: `ongeldig formaat (${issue.format})`, en: `invalid format (${issue.format})` };
    case 'unrecognized_keys':
      return { nl: 'onbekend veld', en: 'unknown field' };
    default:
      return { nl: 'ongeldige waarde', en: 'invalid value' };
  }
}

function typeName(t: string): Text {
  const names: Record<string, Text> = {
    number: { nl: 'een getal', en: 'a number' },
    string: { nl: 'tekst', en: 'text' },
    boolean: { nl: 'ja/nee (true/false)', en: 'yes/no (true/false)' },
    array: { nl: 'een lijst', en: 'a list' },
    object: { nl: 'een object', en: 'an object' },
  };
  return names[t] ?? { nl: t, en: t };
}
