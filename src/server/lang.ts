// ?lang= for the REST API: nl (language of record, default) or en.
import type { Context } from 'hono';
import type { Lang } from '../index.js';
import { badRequest } from './errors.js';

export function langOf(c: Context): Lang {
  const lang = c.req.query('lang') ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw badRequest('lang must be nl or en', [{ field: 'lang', message: 'nl | en' }]);
  return lang;
}
