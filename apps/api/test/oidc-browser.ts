/**
 * Drives an OpenID Connect sign-in over HTTP as a browser would (issue 21): follows the
 * provider's redirects with its cookies, fills and posts its login form and its consent form,
 * and stops at the first redirect back to Stowage (or any answer that is not a redirect or a form).
 */
export class ProviderBrowser {
  private readonly jar = new Map<string, string>();

  /** GET `url`, then on through redirects and forms until a URL starting with `stopAt`. */
  async run(url: string, stopAt: string, login?: string): Promise<BrowserStop> {
    let next: { url: string; method: 'GET' | 'POST'; body?: URLSearchParams } = {
      url,
      method: 'GET',
    };
    for (let step = 0; step < 20; step++) {
      if (next.url.startsWith(stopAt)) return { url: next.url };
      const res = await fetch(next.url, {
        method: next.method,
        redirect: 'manual',
        headers: {
          cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: next.body,
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        next = { url: new URL(location, next.url).href, method: 'GET' };
        continue;
      }
      const html = await res.text();
      const form = parseForm(html);
      if (!form) return { url: next.url, status: res.status, html };
      if (form.fields.has('login')) {
        if (!login) throw new Error('The provider asks to sign in, and no login was given');
        form.fields.set('login', login);
        form.fields.set('password', 'any');
      }
      next = {
        url: new URL(form.action, next.url).href,
        method: 'POST',
        body: new URLSearchParams([...form.fields]),
      };
    }
    throw new Error('Too many steps at the provider');
  }
}

export interface BrowserStop {
  url: string;
  status?: number;
  html?: string;
}

/** The first form of a page: its action and its named inputs (hidden ones keep their value). */
function parseForm(html: string): { action: string; fields: Map<string, string> } | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const action = /action="([^"]*)"/i.exec(form[1]!)?.[1] ?? '';
  const fields = new Map<string, string>();
  for (const input of form[2]!.matchAll(/<input\b([^>]*)>/gi)) {
    const name = /name="([^"]*)"/i.exec(input[1]!)?.[1];
    if (name) fields.set(name, /value="([^"]*)"/i.exec(input[1]!)?.[1] ?? '');
  }
  // The page's default button, when it carries a value (the provider's "Yes, sign me out").
  const button = /<button\b(?=[^>]*\bautofocus\b)([^>]*)>/i.exec(html)?.[1] ?? '';
  const buttonName = /name="([^"]*)"/i.exec(button)?.[1];
  if (buttonName) fields.set(buttonName, /value="([^"]*)"/i.exec(button)?.[1] ?? '');
  return { action: action.replace(/&amp;/g, '&'), fields };
}
