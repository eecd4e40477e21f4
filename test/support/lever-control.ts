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
