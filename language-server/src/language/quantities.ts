/** The stages of joining-up in order (seed 004; RULES.md). */
export const STAGES = ['1', '2', '3', '4', '5', '6a', '6b', '6c', '7'] as const;
export type Stage = typeof STAGES[number];

export function stageRank(stage: string | undefined): number {
    return stage === undefined ? -1 : STAGES.indexOf(stage as Stage);
}

const MULTIPLIERS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, bn: 1e9 };

/** `120m` → 120000000; undefined when malformed or negative. */
export function parseAmount(text: string): number | undefined {
    const match = /^([0-9]+(?:\.[0-9]+)?)(k|m|bn)?$/.exec(text);
    return match ? Number(match[1]) * MULTIPLIERS[match[2] ?? ''] : undefined;
}

const SUFFIX_SPELLINGS: Record<string, string> = { k: 'k', thousand: 'k', m: 'm', mn: 'm', million: 'm', bn: 'bn', b: 'bn', billion: 'bn' };

/** What to say of an amount that parseAmount refuses: `10M` → write `10m`. */
export function malformedAmount(text: string): string {
    const match = /^([0-9]+(?:\.[0-9]+)?)([A-Za-z]+)$/.exec(text);
    const suffix = match && SUFFIX_SPELLINGS[match[2].toLowerCase()];
    return suffix
        ? `Amount '${text}' is malformed: write \`${match[1]}${suffix}\` (the suffixes are k, m and bn, in lower case)`
        : `Amount '${text}' is malformed: write a number with an optional k, m or bn suffix (120m, 2.5bn, 40000)`;
}

/** A seat count is a whole number (it may be below 1, which validation reports). */
export function parseSeatCount(text: string): number | undefined {
    return /^-?[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** The seats a voting entry holds for analysis: malformed or missing counts as 1, below 1 as none. */
export function seatsHeld(text: string | undefined): number {
    if (text === undefined) return 1;
    const count = parseSeatCount(text);
    return count === undefined ? 1 : Math.max(0, count);
}

/** A `YYYY-MM-DD` that names a real day. */
export function validDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
