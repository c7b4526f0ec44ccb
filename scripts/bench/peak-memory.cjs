// Preloaded into a benchmarked process (node --require): on exit, writes the
// process's peak resident memory in kilobytes and its CPU time (user + system)
// in milliseconds to $JOINERY_BENCH_MEMORY_FILE, as JSON.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    const file = process.env.JOINERY_BENCH_MEMORY_FILE;
    if (!file) return;
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
