import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: VS Code itself (code-server in headless Chromium). Slower than
// `npm test`, and it installs code-server into .e2e/ on first run.
export default defineConfig({
    test: {
        // Object.groupBy for Chevrotain on Node 20, before any test file loads Langium.
        setupFiles: ['language-server/polyfills/object-group-by.mjs'],
        include: ['test/e2e/**/*.e2e.ts'],
        globalSetup: ['test/e2e/code-server-install.ts'],
        testTimeout: 180_000,
        hookTimeout: 180_000,
        fileParallelism: false
    }
});
