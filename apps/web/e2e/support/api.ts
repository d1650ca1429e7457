/**
 * The API as the specs call it beside the browser (the `request` fixture: the signed-in
 * cookie), on the demo bucket. Paths are built on @stowage/shared's `bucketPath`, as the
 * app's own are.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  bucketPath,
  linkPath,
  linksPath,
  sharePath,
  uploadLinksPath,
  type LinksResponse,
  type ShareBody,
  type ShareResponse,
  type UploadLinkBody,
  type UploadLinkResponse,
} from '@stowage/shared';
import { DEMO_BUCKET } from './demo';
import { query } from './urls';

/** What the app's own writes carry, and what API calls of the specs must carry too. */
export const CSRF_HEADERS = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

/** `/api/buckets/demo/<route>?<params>`, e.g. `demoApiPath('capabilities')`. */
export function demoApiPath(route: string, params: Record<string, string | undefined> = {}) {
  return `${bucketPath(DEMO_BUCKET)}/${route}${query(params)}`;
}

/** The API URL of an object's details (system headers, user metadata). */
export function objectApiPath(key: string): string {
  return demoApiPath('object', { key });
}

/** The API URL of an object's bytes (what "Download" and the previews fetch). */
export function objectContentApiPath(key: string): string {
  return demoApiPath('object/content', { key });
}

/** The API URL of an object's tags. */
export function objectTagsApiPath(key: string): string {
  return demoApiPath('object/tags', { key });
}

/** The API URL an upload of one object posts to. */
export function uploadApiPath(key: string): string {
  return demoApiPath('upload', { key });
}

/** Every key under a prefix, through the API (no delimiter: subfolders included), in order. */
export async function listKeysViaApi(
  request: APIRequestContext,
  prefix: string,
  bucket = DEMO_BUCKET,
) {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    // delimiter= (empty) lists recursively; query() would drop an empty value.
    const params = query({ prefix, cursor });
    const url = `${bucketPath(bucket)}/objects${params ? `${params}&` : '?'}delimiter=`;
    const res = await request.get(url);
    expect(res.status(), `GET ${url}`).toBe(200);
    const page = (await res.json()) as { objects: { key: string }[]; nextCursor: string | null };
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return keys;
}

/** One folder's first page through the API, as the grid gets it: its folders and object keys. */
export async function listFolderViaApi(request: APIRequestContext, prefix: string) {
  const res = await request.get(demoApiPath('objects', { prefix }));
  expect(res.status(), `GET the listing of "${prefix}"`).toBe(200);
  const page = (await res.json()) as { prefixes: string[]; objects: { key: string }[] };
  return { prefixes: page.prefixes, keys: page.objects.map((o) => o.key) };
}

/** Deletes everything under a prefix through the API (what "Delete folder" does). */
export async function deletePrefixViaApi(request: APIRequestContext, prefix: string) {
  if (!prefix.endsWith('/') || prefix === '/') throw new Error(`Not a folder: "${prefix}"`);
  const res = await request.post(demoApiPath('delete'), {
    data: { prefix },
    headers: CSRF_HEADERS,
  });
  expect(res.status(), `delete ${prefix}`).toBe(200);
}

/** An object's bytes as text, through the API (of the demo bucket unless another is named). */
export async function readObjectViaApi(
  request: APIRequestContext,
  key: string,
  bucket = DEMO_BUCKET,
): Promise<string> {
  const res = await request.get(`${bucketPath(bucket)}/object/content${query({ key })}`);
  expect(res.status(), `GET ${key}`).toBe(200);
  return res.text();
}

/**
 * Writes one object through the API's upload route, as the app does (fields before the file),
 * into the demo bucket or `options.bucket`.
 */
export async function putObjectViaApi(
  request: APIRequestContext,
  key: string,
  body: string | Buffer,
  options: { contentType?: string; metadata?: Record<string, string>; bucket?: string } = {},
) {
  const contentType = options.contentType ?? 'text/plain; charset=utf-8';
  const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {
    contentType,
  };
  if (options.metadata) multipart.metadata = JSON.stringify(options.metadata);
  const buffer = Buffer.from(body);
  multipart.size = String(buffer.length);
  multipart.file = { name: 'file', mimeType: contentType, buffer };
  const url = options.bucket
    ? `${bucketPath(options.bucket)}/upload${query({ key })}`
    : uploadApiPath(key);
  const res = await request.post(url, { multipart, headers: CSRF_HEADERS });
  expect(res.status(), `upload ${key}`).toBe(200);
}

/** A download link through the API (what the Share dialog posts), in the demo bucket. */
export async function shareViaApi(
  request: APIRequestContext,
  body: ShareBody,
): Promise<ShareResponse> {
  const res = await request.post(sharePath(DEMO_BUCKET), { data: body, headers: CSRF_HEADERS });
  expect(res.status(), `share ${body.key}`).toBe(200);
  return (await res.json()) as ShareResponse;
}

/** An upload link through the API (what the Upload link dialog posts), in the demo bucket. */
export async function uploadLinkViaApi(
  request: APIRequestContext,
  body: UploadLinkBody,
): Promise<UploadLinkResponse> {
  const res = await request.post(uploadLinksPath(DEMO_BUCKET), {
    data: body,
    headers: CSRF_HEADERS,
  });
  expect(res.status(), `upload link to ${body.prefix}`).toBe(200);
  return (await res.json()) as UploadLinkResponse;
}

/** Revokes every link of the demo bucket: their records leave the store as they came. */
export async function revokeAllLinksViaApi(request: APIRequestContext): Promise<void> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await request.get(`${linksPath(DEMO_BUCKET)}${query({ cursor })}`);
    expect(res.status(), 'GET the links').toBe(200);
    const page = (await res.json()) as LinksResponse;
    ids.push(...page.links.map((link) => link.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  for (const id of ids) {
    const res = await request.delete(linkPath(DEMO_BUCKET, id), { headers: CSRF_HEADERS });
    expect([204, 404], `revoke ${id}`).toContain(res.status());
  }
}
