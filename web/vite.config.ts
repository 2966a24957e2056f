import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The files of the family app (family.html's entry and every chunk and stylesheet it loads, at
 * once or later), learnt from the bundle, so the service worker precaches the parents' app and
 * never the staff app's antd and charts.
 */
function familyFiles(): { plugin: Plugin; files: Set<string> } {
  const files = new Set<string>();
  return {
    files,
    plugin: {
      name: 'sunshine-family-files',
      apply: 'build',
      generateBundle(_options, bundle) {
        files.clear();
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && (c.name === 'family' || (c.facadeModuleId ?? '').endsWith('/family.html')));
        const walk = (name: string) => {
          const chunk = bundle[name];
          if (!chunk || files.has(name)) return;
          files.add(name);
          if (chunk.type !== 'chunk') return;
          for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
          [...chunk.imports, ...chunk.dynamicImports].forEach(walk);
        };
        if (entry) walk(entry.fileName);
      },
    },
  };
}

const family = familyFiles();

// Run from the repository root: `vite build --config web/vite.config.ts`.
// Two pages: index.html (the staff desktop app) and family.html (阳光少年, the parents' phone app
// served at /family). The manifest feeds scripts/bundle-size.mjs, which guards both first loads.
export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    family.plugin,
    // The family app's service worker (/family-sw.js, scope /family): the shell and its assets
    // precached, /family/* navigations answered with family.html offline. No API answer is ever
    // cached (they are one person's): the home keeps its last data in localStorage per user.
    VitePWA({
      strategies: 'generateSW',
      filename: 'family-sw.js',
      injectRegister: false,
      manifest: false,
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['family.html', 'family.webmanifest', 'family-icons/*.png', 'favicon.svg', 'assets/*.{js,css}'],
        manifestTransforms: [async (entries) => ({
          manifest: entries.filter((e) => !e.url.startsWith('assets/') || family.files.has(e.url)),
          warnings: family.files.size ? [] : ['the family entry was not found in the bundle: its assets are not precached'],
        })],
        navigateFallback: '/family.html',
        navigateFallbackAllowlist: [/^\/family(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        inlineWorkboxRuntime: true,
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        cacheId: 'sunshine-family',
      },
    }),
  ],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { main: fileURLToPath(new URL('index.html', import.meta.url)), family: fileURLToPath(new URL('family.html', import.meta.url)) },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
