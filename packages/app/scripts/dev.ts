// `npm run dev`: the API server restarting on change (tsx watch) beside Vite's dev server with hot reload.
// Open the address Vite prints; it forwards /api and /health to the API server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'packages/app/src/server/main.ts'], {
    stdio: 'inherit',
  }),
  spawn('npx', ['vite'], { cwd: appDir, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
