// launch.html: EHR launch (iss + launch), standalone launch (iss only, or the form), open servers (fhirServiceUrl).
import FHIR from 'fhirclient';
import { CLIENT_ID, REDIRECT, ehrScope, scopeStyle, standaloneScope, type ScopeStyle } from './config.js';
import { smartText } from './text.js';

const lang = navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
const status = document.getElementById('status')!;
const form = document.getElementById('standalone') as HTMLFormElement;

function show(text: string): void {
  status.textContent = text;
}

/** SMART 2.x or 1.0 scopes, from the server's .well-known/smart-configuration (1.0 when it cannot be read). */
async function styleOf(iss: string): Promise<ScopeStyle> {
  try {
    const r = await fetch(`${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`, { headers: { Accept: 'application/json' } });
    return r.ok ? scopeStyle(await r.json()) : 'v1';
  } catch {
    return 'v1';
  }
}

export async function launch(params: URLSearchParams): Promise<void> {
  const iss = params.get('iss');
  const launchId = params.get('launch');
  const open = params.get('fhirServiceUrl');
  if (open) {
    await FHIR.oauth2.authorize({ fhirServiceUrl: open, redirectUri: REDIRECT, patientId: params.get('patient') ?? undefined });
  } else if (iss && launchId) {
    const scope = ehrScope(await styleOf(iss));
    await FHIR.oauth2.authorize({ iss, launch: launchId, clientId: CLIENT_ID, scope, redirectUri: REDIRECT, pkceMode: 'ifSupported' });
  } else if (iss) {
    const scope = standaloneScope(await styleOf(iss));
    await FHIR.oauth2.authorize({ iss, clientId: CLIENT_ID, scope, redirectUri: REDIRECT, pkceMode: 'required' });
  } else {
    show('');
    form.hidden = false;
  }
}

form.querySelector('h1')!.textContent = smartText(lang, 'standaloneTitle');
form.querySelector('label span')!.textContent = smartText(lang, 'standaloneLabel');
form.querySelector('button')!.textContent = smartText(lang, 'standaloneGo');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const iss = (form.querySelector('input') as HTMLInputElement).value.trim();
  if (iss) location.search = `?iss=${encodeURIComponent(iss)}`;
});
show(smartText(lang, 'launching'));
launch(new URLSearchParams(location.search)).catch((err: unknown) => show(`${smartText(lang, 'launchFailed')}: ${String(err)}`));
