/**
 * boto3's transfer manager with its defaults (TransferConfig(): 10 threads, 8 MiB parts): the
 * seed's own client, run as `python3 tools/bench/python/boto3_transfer.py` (Debian's
 * python3-boto3). Its time is measured inside Python, around upload_file / download_file only.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { median, root, type Figure, type Store } from './harness.js';

const run = promisify(execFile);
const script = path.join(root, 'tools/bench/python/boto3_transfer.py');

export interface Boto3Run {
  seconds: number;
  /** CPU seconds of the Python process during the transfer. */
  cpu: number;
}

export async function boto3Transfer(
  store: Store,
  op: 'upload' | 'download',
  bucket: string,
  key: string,
  file: string,
): Promise<Boto3Run> {
  const { stdout } = await run('python3', [script, op, store.endpoint, bucket, key, file], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: store.accessKeyId,
      AWS_SECRET_ACCESS_KEY: store.secretAccessKey,
    },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Boto3Run;
}

/** The rounds against boto3, as measured (MiB/s and CPU seconds per GiB per round). */
export interface Boto3Rounds {
  api: number[];
  boto3: number[];
  ratios: number[];
  cpuApi: number[];
  cpuBoto3: number[];
  /** The same rounds through a second API process with another setting (named by `label`). */
  variant?: { label: string; api: number[]; ratios: number[]; cpuApi: number[] };
}

/** The "API ÷ boto3" figure of a transfer bench (upload_file or download_file). */
export function boto3Figure(
  transfer: 'upload' | 'download',
  mib: number,
  budget: number,
  r: Boto3Rounds,
): Figure {
  const ratio = median(r.ratios);
  const verb = transfer === 'upload' ? 'Upload' : 'Download';
  return {
    id: `${transfer}.boto3`,
    figure: `${verb} ${mib} MiB: API ÷ boto3 ${transfer}_file throughput`,
    budget: `≥ ${budget.toFixed(2)}`,
    value: ratio.toFixed(2),
    met: ratio >= budget,
    detail: `median of ${r.ratios.length} rounds; API ${median(r.api).toFixed(1)} MiB/s, boto3 ${median(r.boto3).toFixed(1)} MiB/s; ratios ${r.ratios.map((x) => x.toFixed(2)).join(', ')}; CPU outside the store per GiB: ${median(r.cpuApi).toFixed(1)} s through the API (client + API process), ${median(r.cpuBoto3).toFixed(1)} s boto3${variantDetail(r)}`,
    raw: {
      ratio,
      apiMiBs: median(r.api),
      boto3MiBs: median(r.boto3),
      cpuApiPerGiB: median(r.cpuApi),
      cpuBoto3PerGiB: median(r.cpuBoto3),
      ...(r.variant && {
        variantRatio: median(r.variant.ratios),
        variantCpuApiPerGiB: median(r.variant.cpuApi),
      }),
    },
  };
}

function variantDetail({ variant: v }: Boto3Rounds): string {
  if (!v) return '';
  return `; ${v.label}: ratio ${median(v.ratios).toFixed(2)} (${v.ratios.map((x) => x.toFixed(2)).join(', ')}), API ${median(v.api).toFixed(1)} MiB/s, ${median(v.cpuApi).toFixed(1)} s CPU per GiB`;
}
