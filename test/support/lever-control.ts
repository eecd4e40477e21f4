/** A reply of the Lever emulator's control API. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- emulator JSON, read loosely by tests
export type ControlReply = { status: number; body: any };

export type LeverControl = (method: string, path: string, body?: unknown) => Promise<ControlReply>;

/**
 * Calls the Lever emulator's control API (`/_emulator/...`, see test/lever-emulator/README.md)
 * over HTTP and returns the parsed body.
 */
export function leverControl(leverUrl: string): LeverControl {
  return async (method, path, body) => {
    const response = await fetch(`${leverUrl}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** The server's settings that point it at a Lever emulator at `leverUrl` as OAuth client `client`. */
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
