/**
 * The custom header every state-changing API call carries (the web client sends it; the server's
 * CSRF check requires it). Browsers never send a custom header cross-site without a CORS preflight,
 * which this API never grants.
 */
export const CSRF_HEADER = 'x-requested-with';
/** The value the web client sends; the server only checks that the header is present. */
export const CSRF_HEADER_VALUE = 'eligo';
