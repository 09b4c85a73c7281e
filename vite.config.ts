import { constants } from 'node:zlib';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
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
    // Static assets are compressed once, at build time, at the highest levels, and served as they are.
    isSsrBuild
      ? null
      : compression({
          include: /\.(js|css|svg|json|txt)$/,
          threshold: 1024,
          algorithms: [
            defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
            defineAlgorithm('gzip', { level: constants.Z_BEST_COMPRESSION }),
          ],
        }),
  ],
  css: {
    preprocessorOptions: {
      scss: { api: 'modern-compiler', loadPaths: ['node_modules'], quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  build: { target: 'es2022' },
  server: { port: 3000 },
}));
