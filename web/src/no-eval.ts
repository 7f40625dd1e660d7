// Imported first by every page, before the core's case schema is built: zod compiles object parsers with
// `new Function` (checked when a schema is constructed) unless told not to, which a Content-Security-Policy without
// 'unsafe-eval' blocks and reports. Validation without generated code is plenty fast for one case per keystroke.
import { config } from 'zod';

config({ jitless: true });
