import { defineConfig } from 'vitest/config';

// `npm run test:editors`: the tests that drive a real editor or browser (Neovim,
// Chromium), found on PATH or through JOINERY_NVIM / JOINERY_CHROMIUM. `npm test`
// needs only Node and npm; .ci/run installs these programs and runs both.
export default defineConfig({
    test: {
        include: ['test/**/*.editor.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000
    }
});
