/** The candidate nearest to `name` by edit distance, if it is near enough to be a typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    // Short names are too easily near each other for a suggestion to help.
    const limit = name.length < 3 ? 0 : Math.max(1, Math.min(3, Math.floor(name.length / 3)));
    const lower = name.toLowerCase();
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        if (Math.abs(candidate.length - name.length) > limit) continue;
        const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), bestDistance);
        if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance, giving up once it exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > cap) return cap + 1;
        previous = current;
    }
    return previous[b.length];
}
