import { defineConfig } from 'vite'

const backend = 'http://127.0.0.1:8787'

// No React plugin: Vite's built-in Oxc transform compiles JSX with the automatic runtime.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/collab': { target: backend, ws: true, changeOrigin: false },
    },
  },
})
