/** 420000000 → "420m", 1500 → "1.5k": amounts as analysts write them (LANGUAGE.md). */
export function formatAmount(amount: number): string {
    const units: Array<[number, string]> = [[1e9, 'bn'], [1e6, 'm'], [1e3, 'k']];
    for (const [size, suffix] of units) {
        if (amount >= size) return `${trim(amount / size)}${suffix}`;
    }
    return trim(amount);
}

function trim(value: number): string {
    return String(Math.round(value * 10) / 10);
}

/** 0.998 → "99.8%", 0.002 → "0.2%", 0.5 → "50%": a share never rounds to all or nothing. */
export function share(fraction: number): string {
    const value = fraction * 100;
    const nearEdge = (value > 0 && value < 1) || (value > 99 && value < 100);
    return `${nearEdge ? value.toFixed(1) : Math.round(value)}%`;
}
