import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // Object.groupBy for Chevrotain on Node 20, before any test file loads Langium.
        setupFiles: ['language-server/polyfills/object-group-by.mjs'],
        testTimeout: 30_000,
        hookTimeout: 60_000
    }
});
