import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/ceph-rgw.sh', import.meta.url));

export interface CephRgw {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The STS gateway (started with CEPH_RGW_STS_PORT), else ''. */
  stsEndpoint: string;
  stop(): void;
}

/**
 * Starts a fresh single-node Ceph RGW with scripts/ceph-rgw.sh (its CEPH_* variables choose
 * the state dir and ports) and reads the endpoint and keys it prints.
 */
export function startCephRgw(env: NodeJS.ProcessEnv = process.env): CephRgw {
  const out = execFileSync('bash', [script, 'start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const vars = new Map(
    out
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  );
  return {
    endpoint: vars.get('CEPH_S3_ENDPOINT') ?? '',
    accessKeyId: vars.get('CEPH_S3_ACCESS_KEY') ?? '',
    secretAccessKey: vars.get('CEPH_S3_SECRET_KEY') ?? '',
    stsEndpoint: vars.get('CEPH_S3_STS_ENDPOINT') ?? '',
    stop: () => execFileSync('bash', [script, 'stop'], { env, stdio: 'inherit' }),
  };
}
