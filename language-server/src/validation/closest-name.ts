/**
 * Names grouped by length and lower-cased once, built once per scope, so that the
 * closest name to each of many unresolved references is sought only among names of
 * about its length. Each search reports how many names it compared, so that a
 * caller can stop suggesting once a file has cost enough (a thousand unresolved
 * names against nine thousand declarations took 20 s).
 */
export class NameIndex {
    private readonly byLength = new Map<number, Array<{ name: string; lower: string }>>();
    /** Names compared by all searches so far. */
    compared = 0;

    constructor(names: Iterable<string>) {
        for (const name of names) {
            const entry = { name, lower: name.toLowerCase() };
            const list = this.byLength.get(name.length);
            if (list) list.push(entry); else this.byLength.set(name.length, [entry]);
        }
    }

    /**
     * The nearest name that `unsuitable` does not refuse (the other end of a link,
     * a forum that would close a `reports to` circle): a suggestion must not make
     * a new error. Asked only of a name that would otherwise be chosen.
     */
    closest(name: string, unsuitable?: (candidate: string) => boolean): string | undefined {
        const limit = typoLimit(name);
        const lower = name.toLowerCase();
        let best: string | undefined;
        let bestDistance = limit + 1;
        for (let length = name.length - limit; length <= name.length + limit; length++) {
            for (const candidate of this.byLength.get(length) ?? []) {
                this.compared++;
                const distance = candidate.lower === lower ? 0 : editDistance(lower, candidate.lower, bestDistance);
                const better = distance < bestDistance || (distance === bestDistance && best !== undefined && candidate.name < best);
                if (better && !unsuitable?.(candidate.name)) {
                    best = candidate.name;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * Every name within typo distance, nearest first (then by name), and how many
     * names the search compared: what `closest` chooses from, kept so that a
     * search for a name already sought costs nothing (see SuggestionIndex).
     */
    ranked(name: string): RankedNames {
        const limit = typoLimit(name);
        const lower = name.toLowerCase();
        const candidates: Array<{ name: string; distance: number }> = [];
        let compared = 0;
        for (let length = name.length - limit; length <= name.length + limit; length++) {
            for (const candidate of this.byLength.get(length) ?? []) {
                compared++;
                const distance = candidate.lower === lower ? 0 : editDistance(lower, candidate.lower, limit);
                if (distance <= limit) candidates.push({ name: candidate.name, distance });
            }
        }
        this.compared += compared;
        return { candidates: candidates.sort(byNearness), compared };
    }
}

export interface RankedNames {
    readonly candidates: ReadonlyArray<{ readonly name: string; readonly distance: number }>;
    readonly compared: number;
}

/** The order in which `closest` prefers names: nearer, then alphabetically first. */
export function byNearness(a: { name: string; distance: number }, b: { name: string; distance: number }): number {
    return a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** How many edits still make a typo: short names are too easily near each other for a suggestion to help. */
function typoLimit(name: string): number {
    return name.length < 3 ? 0 : Math.max(1, Math.min(3, Math.floor(name.length / 3)));
}

/**
 * Levenshtein distance, or cap + 1 once it exceeds `cap`. Only the band of cells
 * within `cap` of the diagonal can stay within `cap`, so only those are computed:
 * linear in the length (two 3,000-character names took 20 ms each, squared).
 */
export function editDistance(a: string, b: string, cap: number): number {
    const n = a.length, m = b.length, over = cap + 1;
    if (Math.abs(n - m) > cap) return over;
    let previous = new Int32Array(m + 1);
    let current = new Int32Array(m + 1);
    for (let j = 0; j <= m; j++) previous[j] = Math.min(j, over);
    let previousLow = 0, previousHigh = Math.min(m, cap);
    for (let i = 1; i <= n; i++) {
        const low = Math.max(0, i - cap), high = Math.min(m, i + cap);
        const inPrevious = (j: number) => j >= previousLow && j <= previousHigh ? previous[j] : over;
        let rowMin = over;
        for (let j = low; j <= high; j++) {
            const value = j === 0 ? Math.min(i, over) : Math.min(
                inPrevious(j) + 1,
                (j - 1 >= low ? current[j - 1] : over) + 1,
                inPrevious(j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
                over
            );
            current[j] = value;
            if (value < rowMin) rowMin = value;
        }
        if (rowMin > cap) return over;
        [previous, current] = [current, previous];
        previousLow = low;
        previousHigh = high;
    }
    return m >= previousLow && m <= previousHigh ? previous[m] : over;
}
