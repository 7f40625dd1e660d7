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

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [preact(), csp],
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
