import { defineConfig } from 'vitest/config';

// `npm run test:editors`: the tests that drive a real editor or browser (Neovim,
// Chromium), found on PATH or through JOINERY_NVIM / JOINERY_CHROMIUM. `npm test`
// needs only Node and npm; .ci/run installs these programs and runs both.
export default defineConfig({
    test: {
        // Object.groupBy for Chevrotain on Node 20, before any test file loads Langium.
        setupFiles: ['language-server/polyfills/object-group-by.mjs'],
        include: ['test/**/*.editor.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000
    }
});
