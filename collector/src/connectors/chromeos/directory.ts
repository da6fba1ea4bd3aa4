// Admin SDK Directory API chromeosdevices.list: every page (pageToken), projection FULL, optionally only the
// devices that synced since a day (query "sync:YYYY-MM-DD..") and only one organisational unit and those below it.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { getGoogleJson } from './google-api.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import type { TokenSource } from './google-token.ts';

export const GOOGLE_API_BASE = 'https://admin.googleapis.com';
/** The API allows up to 300 a page; 200 keeps each answer well under the size cap with FULL projection. */
const PAGE_SIZE = 200;
/** A guard against a server that hands back page tokens for ever. */
const MAX_PAGES = 10_000;

export interface DirectoryQuery {
  apiBase: string;
  customerId: string;
  orgUnitPath: string | null;
  /** Only devices that synced on or after this day (UTC, YYYY-MM-DD). */
  syncedSinceDay?: string;
}

export const chromeosDevicesUrl = (query: DirectoryQuery, pageToken: string | undefined): URL => {
  const url = new URL(`/admin/directory/v1/customer/${encodeURIComponent(query.customerId)}/devices/chromeos`, query.apiBase);
  url.searchParams.set('projection', 'FULL');
  url.searchParams.set('maxResults', String(PAGE_SIZE));
  if (query.orgUnitPath) {
    // The API wants the path without its leading slash.
    url.searchParams.set('orgUnitPath', query.orgUnitPath.replace(/^\/+/, ''));
    url.searchParams.set('includeChildOrgunits', 'true');
  }
  if (query.syncedSinceDay) url.searchParams.set('query', `sync:${query.syncedSinceDay}..`);
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  return url;
};

/** Yields each page's device resources in turn, so a large estate is stored page by page. */
export async function* listChromeosDevices(
  tokens: TokenSource, query: DirectoryQuery, http: GoogleHttpOptions,
): AsyncGenerator<Record<string, unknown>[]> {
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const json = await getGoogleJson(tokens, chromeosDevicesUrl(query, pageToken), http);
    const devices = json.chromeosdevices ?? [];
    if (!Array.isArray(devices)) throw new InvigilatorError('CHROMEOS_API_FAILED', '(chromeosdevices is not a list in the answer)');
    yield devices.filter((device): device is Record<string, unknown> => typeof device === 'object' && device !== null);
    pageToken = typeof json.nextPageToken === 'string' && json.nextPageToken !== '' ? json.nextPageToken : undefined;
    if (!pageToken) return;
  }
  throw new InvigilatorError('CHROMEOS_API_FAILED', `(more than ${MAX_PAGES} pages of devices: the page tokens do not end)`);
}
