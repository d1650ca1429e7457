/** Big files for the multipart specs: written to the disk once, and the part PUTs the page sends. */
import { test, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

const MiB = 1024 * 1024;

/**
 * Writes `mib` MiB of random bytes (1 MiB blocks) to `name` in the test's output folder and
 * returns its path and sha256.
 */
export async function makeBigFile(name: string, mib: number) {
  const dir = test.info().outputPath();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  for (let i = 0; i < mib; i += 1) {
    const block = randomBytes(MiB);
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { file, sha256: hash.digest('hex') };
}

const PART_PUT = /\/multipart\/[^/]+\/parts\/(\d+)\?/;

/**
 * Watches the page's part uploads (PUT …/multipart/:id/parts/:n): every part number sent,
 * those the API accepted (2xx), and the most in flight at once.
 */
export function watchPartPuts(page: Page) {
  const sent: number[] = [];
  const accepted: number[] = [];
  const partOf = (url: string, method: string) => {
    const match = method === 'PUT' ? PART_PUT.exec(url) : null;
    return match ? Number(match[1]) : null;
  };
  page.on('request', (req) => {
    const n = partOf(req.url(), req.method());
    if (n === null) return;
    sent.push(n);
  });
  page.on('requestfinished', (req) => {
    const n = partOf(req.url(), req.method());
    if (n === null) return;
    void req.response().then((res) => {
      if (res && res.ok()) accepted.push(n);
    });
  });
  return {
    sent,
    accepted,
  };
}

/**
 * Counts the part PUTs in flight at once inside the page (from send until each
 * XMLHttpRequest is done): the page's own order of events, which Playwright's request events do not
 * keep (a part sent the moment the one before it is answered may be reported first).
 */
export async function countPartsInFlight(page: Page) {
  await page.evaluate((pattern) => {
    const re = new RegExp(pattern);
    const w = window as unknown as { __parts: { now: number; most: number } };
    w.__parts = { now: 0, most: 0 };
    const open = XMLHttpRequest.prototype.open;
    const send = XMLHttpRequest.prototype.send;
    const parts = new WeakSet<XMLHttpRequest>();
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      if (String(args[0]) === 'PUT' && re.test(String(args[1]))) parts.add(this);
      return (open as (...a: unknown[]) => void).apply(this, args);
    };
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      if (parts.has(this)) {
        w.__parts.now += 1;
        w.__parts.most = Math.max(w.__parts.most, w.__parts.now);
        // Done at readyState 4, which comes before `load`: the app may send the next part
        // from its load handler, before `loadend`.
        let done = false;
        const end = () => {
          if (done || this.readyState !== XMLHttpRequest.DONE) return;
          done = true;
          w.__parts.now -= 1;
        };
        this.addEventListener('readystatechange', end);
        this.addEventListener('loadend', end);
      }
      send.call(this, body);
    };
  }, PART_PUT.source);
  return {
    /** The most part PUTs the page had in flight at once so far. */
    max: () =>
      page.evaluate(() => (window as unknown as { __parts: { most: number } }).__parts.most),
  };
}

/** Slows the page's uploads down (CDP network emulation), so the spec can act mid-way. */
export async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}
