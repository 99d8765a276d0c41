/// <reference types="vitest/config" />
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every text file of the build, once, so the
 * API sends them as they are (src/KeyAccount.Api/Infrastructure/Delivery/SpaAssets.cs) instead of compressing each
 * response. Files under 1 KB, and copies that save less than 10 %, are skipped: their originals are sent.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'keyaccount-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of walk(outDir).filter((f) => compressible.test(f))) {
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        const copies = {
          '.br': brotliCompressSync(source, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
          }),
          '.gz': gzipSync(source, { level: 9 }),
        };
        for (const [suffix, copy] of Object.entries(copies)) {
          if (copy.length < source.length * 0.9) writeFileSync(file + suffix, copy);
        }
      }
    },
  };
}

/** `npm run dev`: /s/{token} is the survey page, as the API serves it (SpaHosting.cs), not the SPA's index.html. */
function surveyPageInDev(): Plugin {
  return {
    name: 'keyaccount-survey-page-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/s\/[^/?]+\/?(\?|$)/.test(req.url)) req.url = '/survey.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress(), surveyPageInDev()],
  server: {
    // `npm run dev` talks to a running API (deploy/run.sh) on its default port.
    proxy: { '/api': 'http://127.0.0.1:5080', '/health': 'http://127.0.0.1:5080' },
  },
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The SPA, and the public survey page (/s/{token}): a second entry that shares no code with the SPA.
      input: { main: 'index.html', survey: 'survey.html' },
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'charts';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Computed styles are most of a component test's time (jsdom matches antd's ~2,000 rules): package.json overrides
    // nwsapi, jsdom's selector engine, to 2.2.24; from 2.2.25 its cache keeps 1,000 compiled selectors, fewer than antd
    // has, so every match compiled its selector again (5-8x slower). src/test/styleRules.ts skips rules that cannot match.
    // Vitest's default on 2 cores is one worker (cores - 1): the main process only transforms, so both cores test.
    maxWorkers: 2,
    // The slowest test without its own timeout took 7 s with the machine's load at 10 on 2 cores (3-5 s when quieter;
    // the ones that type through antd forms take SLOW, src/test/user.ts): 20 s leaves room for a busier machine, and a
    // test that got several times slower (a dependency's regression, a wait that never ends) fails instead of quietly
    // stretching the run.
    testTimeout: 20_000,
  },
});
