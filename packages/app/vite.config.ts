import type { ClientRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appDir = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:3000';
// The API refuses mutations whose Origin is not its public URL (http://localhost:3000 by default),
// so the dev proxy presents requests as coming from there.
const apiOrigin = process.env.PEERPATH_PUBLIC_URL ?? 'http://localhost:3000';
const proxyOptions = {
  target: apiServer,
  configure: (proxy: { on: (event: 'proxyReq', listener: (req: ClientRequest) => void) => void }) => {
    proxy.on('proxyReq', (req) => {
      if (req.getHeader('origin')) req.setHeader('origin', apiOrigin);
    });
  },
};

// The staff web app lives in src/web; the API server serves the built files from dist/web.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  css: { postcss: appDir },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One staff app of about 210 kB gzipped, mostly Mantine; splitting it would add round trips on
    // poor phone signal for little gain. Revisit when feature screens grow (lazy routes).
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': proxyOptions,
      '/health': proxyOptions,
    },
  },
});
