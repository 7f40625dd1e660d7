// Vite build of the clinician web app: static files in dist/web, relative paths so it works from any folder, offline.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// Everything is bundled: no inline scripts, no third-party origins. Added at build time only (the dev server injects styles).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
  + "object-src 'none'; base-uri 'self'; form-action 'none'";
const csp: Plugin = {
  name: 'leptoguide-csp',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
};

// The source text tsc emitted for each function of the model (derive, predicate:<name>, check:<id>), read from dist/src,
// which `npm run build` compiles first. Exported knowledge files carry that text; the minified bundle does not, so the
// Revision page binds a file's function to this build's only when its text equals the one recorded here.
const SOURCES_ID = 'virtual:leptoguide/function-sources';
const functionSources: Plugin = {
  name: 'leptoguide-function-sources',
  resolveId: (id) => (id === SOURCES_ID ? `\0${SOURCES_ID}` : undefined),
  async load(id) {
    if (id !== `\0${SOURCES_ID}`) return undefined;
    const dist = `${import.meta.dirname}/../dist/src`;
    let sources: Record<string, string> = {};
    try {
      const { MODEL } = await import(`${dist}/guideline/model.js`) as { MODEL: Parameters<typeof import('../src/committee/knowledge.js').functionsOf>[0] };
      const { functionsOf } = await import(`${dist}/committee/knowledge.js`) as typeof import('../src/committee/knowledge.js');
      sources = Object.fromEntries([...functionsOf(MODEL)].map(([name, f]) => [name, f.toString()]));
    } catch (e) {
      this.warn(`no dist/src (run tsc first): every function of a knowledge file will be reported unbound (${(e as Error).message})`);
    }
    return `export default ${JSON.stringify(sources)};\n`;
  },
};

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [preact(), csp, functionSources],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    target: 'es2022',
    // SMART App Launch pages (web/src/smart, docs/smart.md) next to the app; they carry their own CSP (connect-src to the EHR).
    rolldownOptions: {
      input: { main: `${import.meta.dirname}/index.html`, launch: `${import.meta.dirname}/launch.html`, smart: `${import.meta.dirname}/smart.html` },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
