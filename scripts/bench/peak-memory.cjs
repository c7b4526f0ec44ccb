// Preloaded into a benchmarked process (node --require): on exit, writes the
// process's peak resident memory in kilobytes to $JOINERY_BENCH_MEMORY_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    const file = process.env.JOINERY_BENCH_MEMORY_FILE;
    if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
