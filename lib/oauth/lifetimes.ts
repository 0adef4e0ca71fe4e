/** How long OAuth artefacts live, in seconds. */
export const ACCESS_TOKEN_TTL = 60 * 60;
export const REFRESH_TOKEN_TTL = 30 * 24 * 60 * 60;
export const AUTHORIZATION_CODE_TTL = 10 * 60;
/** How long a consent form may sit open before Allow is refused. */
export const CONSENT_FORM_TTL = 60 * 60;
/** A dynamically registered client nobody authorized is removed after this. */
export const UNCLAIMED_CLIENT_TTL = 24 * 60 * 60;
/** A cached Client ID Metadata Document is fetched again after this. */
export const METADATA_DOCUMENT_TTL = 60 * 60;

export function secondsFromNow(seconds: number, now = Date.now()): Date {
  return new Date(now + seconds * 1000);
}
