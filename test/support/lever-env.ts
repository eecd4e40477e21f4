/**
 * What points our server at a Lever emulator: its OAuth, Data API and web addresses and the OAuth
 * client it knows. No vitest here: the benchmarks use it too.
 */
export function leverEnv(
  leverUrl: string,
  client: { clientId: string; clientSecret: string },
): Record<string, string> {
  return {
    LEVER_AUTH_URL: leverUrl,
    LEVER_API_URL: `${leverUrl}/v1`,
    LEVER_WEB_URL: leverUrl,
    LEVER_AUDIENCE: `${leverUrl}/v1/`,
    LEVER_CLIENT_ID: client.clientId,
    LEVER_CLIENT_SECRET: client.clientSecret,
  };
}

/** Calls the emulator's control API (`/_emulator/...`) and returns the status and parsed body. */
export async function emulatorControl(
  leverUrl: string,
  method: string,
  path: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- emulator JSON, read loosely by tests
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${leverUrl}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
