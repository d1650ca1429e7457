import { browser } from './browser.js';
import { browser1m } from './browser-1m.js';
import { browserBigUpload } from './browser-upload.js';
import { browserSearch } from './browser-search.js';
import { bundle } from './bundle.js';
import { concurrent } from './concurrent.js';
import { copy } from './copy.js';
import { download } from './download.js';
import { downloadRedirect } from './download-redirect.js';
import { head } from './head.js';
import type { Bench } from './harness.js';
import { listing } from './listing.js';
import { memory } from './memory.js';
import { multipartRelay } from './multipart-relay.js';
import { scale } from './scale.js';
import { search } from './search.js';
import { share } from './share.js';
import { upload } from './upload.js';
import { versions } from './versions.js';
import { zip } from './zip.js';

/** The suite, in the order it runs and BENCHMARKS.md lists it. */
export const BENCHES: Bench[] = [
  upload,
  multipartRelay,
  browserBigUpload,
  download,
  downloadRedirect,
  memory,
  concurrent,
  listing,
  head,
  versions,
  search,
  copy,
  zip,
  share,
  scale,
  browser,
  browser1m,
  browserSearch,
  bundle,
];
