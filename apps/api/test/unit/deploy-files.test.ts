import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * deploy/: what can be checked without a container engine. The image build itself is not run
 * here (deploy/README.md says so).
 */
const deploy = fileURLToPath(new URL('../../../../deploy/', import.meta.url));
const NGINX = '/usr/sbin/nginx';

describe('deploy/ files', () => {
  it('nginx.conf passes nginx -t, its upstream names resolving, with the streaming settings', () => {
    expect(existsSync(NGINX), `${NGINX} is missing: apt-get install nginx (.ci/run does)`).toBe(
      true,
    );
    const conf = readFileSync(path.join(deploy, 'nginx.conf'), 'utf8');
    for (const setting of [
      'client_max_body_size 0;',
      'proxy_request_buffering off;',
      'proxy_buffering off;',
      'proxy_next_upstream error timeout;',
      'proxy_read_timeout 300s;',
    ]) {
      expect(conf).toContain(setting);
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-nginx-t-'));
    try {
      // The compose service names resolve only on the compose network: loopback stands in.
      const local = conf.replace(/\bstowage-[12]:3000\b/g, '127.0.0.1:3000');
      expect(local).not.toBe(conf);
      const file = path.join(dir, 'nginx.conf');
      // Its pid and log files in the temporary directory (nginx -t opens them).
      const here = local
        .replace('pid /tmp/nginx.pid;', `pid ${dir}/nginx.pid;`)
        .replace('access_log /var/log/nginx/access.log;', `access_log ${dir}/access.log;`);
      expect(here).toContain(`access_log ${dir}/access.log;`);
      writeFileSync(file, here);
      const r = spawnSync(NGINX, ['-t', '-p', `${dir}/`, '-e', 'stderr', '-c', file], {
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('test is successful');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compose.yaml parses, with Stowage ×2, nginx and Redis wired together', () => {
    // `merge`: the `<<: *stowage` keys compose reads (YAML 1.1 merge keys).
    const compose = parse(readFileSync(path.join(deploy, 'compose.yaml'), 'utf8'), {
      merge: true,
    }) as {
      services: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(compose.services).sort()).toEqual([
      'nginx',
      'redis',
      'stowage-1',
      'stowage-2',
    ]);
    for (const name of ['stowage-1', 'stowage-2']) {
      const s = compose.services[name]!;
      expect(s.build).toEqual({ context: '..', dockerfile: 'deploy/Containerfile' });
      expect(s.environment).toMatchObject({ STOWAGE_REDIS_URL: 'redis://redis:6379' });
      // SIGKILL only after the drain time.
      expect(s.stop_grace_period).toBe('40s');
    }
    expect(compose.services.nginx!.volumes).toEqual(['./nginx.conf:/etc/nginx/nginx.conf:ro']);
    const conf = readFileSync(path.join(deploy, 'nginx.conf'), 'utf8');
    expect(conf).toContain('server stowage-1:3000');
    expect(conf).toContain('server stowage-2:3000');
  });

  it('the Containerfile is multi-stage on Node 20, runs as non-root, the built app only', () => {
    const file = readFileSync(path.join(deploy, 'Containerfile'), 'utf8');
    const froms = file.match(/^FROM .+$/gm) ?? [];
    expect(froms).toHaveLength(2);
    for (const from of froms) expect(from).toMatch(/node:20-/);
    expect(file).toMatch(/^USER node$/m);
    expect(file).toContain('deploy --prod');
    expect(file).toMatch(/^CMD \["node", "dist\/server\.js"\]$/m);
    // The runtime stage copies built output only, never the sources.
    const runtime = file.slice(file.lastIndexOf('FROM '));
    expect(runtime).not.toMatch(/^COPY (?!--from=build)/m);
  });
});
