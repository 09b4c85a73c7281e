import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  css: {
    preprocessorOptions: {
      scss: { api: 'modern-compiler', loadPaths: ['node_modules'], quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  build: { target: 'es2022' },
  server: { port: 3000 },
});
