/**
 * Drives Lever's browser steps with plain HTTP: follow /authorize to the login page, post the login
 * form, then post the consent form. Returns the final redirect (the app's callback URL).
 */
export async function authorizeWithHttp(
  authorizeUrl: string,
  user: { email: string; password?: string },
  decision: 'accept' | 'deny' = 'accept',
): Promise<URL> {
  const origin = new URL(authorizeUrl).origin;
  let cookie = '';
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, origin), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    return response;
  };
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  const start = await go(authorizeUrl);
  const toLogin = start.headers.get('location');
  if (start.status !== 302 || !toLogin) throw new Error(`authorize answered ${start.status}`);
  if (!toLogin.startsWith('/login')) return new URL(toLogin); // error redirect straight back
  const next = new URL(toLogin, origin).searchParams.get('next')!;
  const loginPage = await (await go(toLogin)).text();
  if (!loginPage.includes('name="password"')) throw new Error('login page has no password field');
  const login = await go(
    '/login',
    form({ email: user.email, password: user.password ?? 'lever', next }),
  );
  if (login.status !== 303) throw new Error(`login answered ${login.status}`);
  const consentUrl = login.headers.get('location')!;
  const consentPage = await (await go(consentUrl)).text();
  const tx = /name="tx" value="([^"]+)"/.exec(consentPage)?.[1];
  if (!tx) throw new Error('consent page has no transaction');
  const consent = await go('/authorize/consent', form({ tx, decision }));
  return new URL(consent.headers.get('location')!);
}
