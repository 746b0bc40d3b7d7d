import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [remix(remixConfig)],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  // @tldraw/assets exposes its files through `?url` imports, which break when pre-bundled.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
})
