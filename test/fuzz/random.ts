/**
 * A small seeded generator (sfc32), so that every fuzz input is reproducible from
 * `seed` and its index alone, whatever ran before it.
 */
export class Random {
    private a: number;
    private b: number;
    private c: number;
    private d: number;

    constructor(...keys: Array<string | number>) {
        const seed = hashKeys(keys);
        this.a = seed[0]; this.b = seed[1]; this.c = seed[2]; this.d = seed[3];
        for (let i = 0; i < 12; i++) this.next();
    }

    /** A float in [0, 1). */
    next(): number {
        const t = (((this.a + this.b) | 0) + this.d) | 0;
        this.d = (this.d + 1) | 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) | 0;
        this.c = (this.c << 21) | (this.c >>> 11);
        this.c = (this.c + t) | 0;
        return (t >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        if (items.length === 0) throw new Error('pick from an empty list');
        return items[Math.floor(this.next() * items.length)];
    }

    /** Picks by weight: `[[weight, value], ...]`. */
    weighted<T>(options: ReadonlyArray<readonly [number, T]>): T {
        const total = options.reduce((sum, [weight]) => sum + weight, 0);
        let roll = this.next() * total;
        for (const [weight, value] of options) {
            roll -= weight;
            if (roll < 0) return value;
        }
        return options[options.length - 1][1];
    }

    /** A child generator for one part of the work, independent of how much the parent used. */
    fork(label: string | number): Random {
        return new Random(this.int(0, 0x7fffffff), label);
    }
}

/** cyrb128 over the keys joined: four 32-bit words of state. */
function hashKeys(keys: Array<string | number>): [number, number, number, number] {
    const text = keys.map(String).join('\u0000');
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
        const k = text.charCodeAt(i);
        h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
        h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
        h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
        h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
