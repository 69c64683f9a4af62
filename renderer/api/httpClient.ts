// The browser's NewsdeskApi over HTTP (npm run serve, npm run server): the shared HTTP client
// with the browser's fetch. No token is kept here: the server sets an HttpOnly session cookie on
// sign-in, which same-origin requests carry and no script (this one included) can read.

import type { NewsdeskApi } from '../../shared/contract.js';
import { createHttpApi } from '../../shared/httpApi.js';

export function createHttpClient(baseUrl = ''): NewsdeskApi {
  return createHttpApi({ baseUrl, fetch: (url, init) => fetch(url, init) });
}
