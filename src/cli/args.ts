// Minimal argument parsing: positionals and --key value / --key=value options, with allowed values.

export interface Parsed {
  readonly positionals: string[];
  readonly options: Record<string, string>;
}

export class UsageError extends Error {
  constructor(readonly key: 'error.unknownOption' | 'error.badValue' | 'error.usage', readonly detail: string) {
    super(detail);
  }
}

export function parseArgs(argv: readonly string[], allowed: Readonly<Record<string, readonly string[] | 'any'>>): Parsed {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = a.slice(2, eq === -1 ? undefined : eq);
    const spec = allowed[key];
    if (spec === undefined) throw new UsageError('error.unknownOption', `--${key}`);
    const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined || (spec !== 'any' && !spec.includes(value))) {
      throw new UsageError('error.badValue', `--${key} ${value ?? ''}`.trim() + (spec === 'any' ? '' : ` (${spec.join('|')})`));
    }
    options[key] = value;
  }
  return { positionals, options };
}
