import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { publicLinkUnlockPath } from '@stowage/shared';

/**
 * The page a browser gets at `/s/<token>` when there are no bytes to send yet: the drop page of
 * an upload link, the password page of a protected download link, or why a link cannot be used.
 * With a web build it is the SPA's index.html (its `/s/$token` page reads `/s/:token/info`);
 * without one, a few lines of HTML (a password form that posts to `/s/:token/unlock`).
 */
export type LinkPage = 'upload' | 'password' | 'refused';

export async function sendLinkPage(
  reply: FastifyReply,
  webDir: string | undefined,
  status: number,
  page: LinkPage,
  token: string,
) {
  const index = webDir ? await readIndex(webDir) : undefined;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(index ?? fallbackPage(page, token));
}

async function readIndex(webDir: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path.join(webDir, 'index.html'));
  } catch {
    return undefined;
  }
}

/** No inline script or style (the CSP allows none); the form posts to our own origin. */
function fallbackPage(page: LinkPage, token: string): string {
  const body =
    page === 'password'
      ? '<h1>This link needs a password</h1>' +
        `<form method="post" action="${publicLinkUnlockPath(token)}">` +
        '<label>Password <input type="password" name="password" required autofocus></label> ' +
        '<button type="submit">Open</button></form>'
      : page === 'upload'
        ? '<h1>File drop</h1><p>This upload link needs the Stowage web app, which this server does not serve.</p>'
        : '<h1>This link cannot be used</h1><p>It does not exist, was revoked, or has expired.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stowage link</title></head><body>${body}</body></html>`;
}
