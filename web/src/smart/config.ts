// SMART App Launch settings of the LeptoGuide web app (docs/smart.md).
export const CLIENT_ID = 'leptoguide';

/** Read-only access to the patient in context. Nothing is ever written back. */
export type ScopeStyle = 'v2' | 'v1';

/**
 * SMART 2.x scopes (`patient/*.rs`) when the server advertises `permission-v2`; otherwise SMART 1.0 scopes
 * (`patient/*.read`), which 1.0-only servers (e.g. older Epic installations) require.
 */
export function scopeStyle(smartConfiguration: unknown): ScopeStyle {
  const caps = (smartConfiguration as { capabilities?: unknown } | null)?.capabilities;
  return Array.isArray(caps) && caps.includes('permission-v2') ? 'v2' : 'v1';
}

const READ: Record<ScopeStyle, string> = { v2: 'patient/*.rs', v1: 'patient/*.read' };
export const ehrScope = (style: ScopeStyle): string => `launch openid fhirUser ${READ[style]}`;
export const standaloneScope = (style: ScopeStyle): string => `launch/patient openid fhirUser ${READ[style]}`;
/** The page the authorization server redirects back to (relative to launch.html). */
export const REDIRECT = 'smart.html';
