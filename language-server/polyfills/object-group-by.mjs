// Node 20 lacks Object.groupBy (it came in Node 21), and Chevrotain 13, Langium 4's
// parser library, calls it while it builds a parser. This defines it only when it is
// missing, with the standard's behaviour (a null-prototype object of arrays, in
// order). Loaded first by the bundles (scripts/bundle.mjs), the tests
// (vitest.config.ts) and the grammar generator (scripts/generate.mjs).
// Remove it when Node 20 support ends.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, callback) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
