/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// `npm run dev` proxies the API, login and logout to the platform started by `./ppi start` (gateway on :8080). The
// login happens on :8080 (the registered redirect); cookies are per host, not port, so the session then works here too.
const gateway = process.env.PPI_GATEWAY ?? 'http://localhost:8080'
const proxied = ['/api', '/oauth2', '/login', '/logout']

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: gateway, changeOrigin: true }])),
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
})
