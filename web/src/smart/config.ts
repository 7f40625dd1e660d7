// SMART App Launch settings of the LeptoGuide web app (docs/smart.md).
export const CLIENT_ID = 'leptoguide';
/** SMART v2 scopes: read-only access to the patient in context. Nothing is ever written back. */
export const EHR_SCOPE = 'launch openid fhirUser patient/*.rs';
export const STANDALONE_SCOPE = 'launch/patient openid fhirUser patient/*.rs';
/** The page the authorization server redirects back to (relative to launch.html). */
export const REDIRECT = 'smart.html';
