// `npm start`: install what is missing, build, and serve the dashboard on one port.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureDependencies, ensurePnpm, root, run } from './lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();
console.log('Building…');
run('pnpm run build');

const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/server.js')], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
