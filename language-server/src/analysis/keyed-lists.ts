import { MultiMap } from 'langium';

const NONE: readonly never[] = [];

/**
 * Lists of values by key (who sits on a forum, which edges leave a node), each
 * list in the order the documents give them: file order, then the order within
 * a file. A model built after an edit takes the last one's lists over and
 * writes again only those that a changed document adds to or added to. The
 * last model keeps its answers: it is told, for every list written again, the
 * list it had, and asks the newer one for the rest. A list is never altered
 * once a model has it.
 */
export class KeyedLists<K, V> {
    /** The lists, while these are the newest of their line; the next takes them over. */
    private readonly lists: Map<K, readonly V[]>;
    /** Once newer lists took them over: those, and each list they wrote again as it was here. */
    private after?: { newer: KeyedLists<K, V>; replaced: Map<K, readonly V[] | undefined> };
    /** Where to tell the lists taken over what they had, before one is written again. */
    private before?: Map<K, readonly V[] | undefined>;

    /** `earlier`: the newest lists of the last model, to be taken over (see `isNewest`). */
    constructor(earlier?: KeyedLists<K, V>) {
        if (!earlier) {
            this.lists = new Map();
            return;
        }
        if (earlier.after) throw new Error('lists are taken over from the newest of their line only');
        this.lists = earlier.lists;
        this.before = new Map();
        earlier.after = { newer: this, replaced: this.before };
    }

    /** Whether no newer lists took these over: the only ones a new model can start from. */
    get isNewest(): boolean {
        return this.after === undefined;
    }

    get(key: K): readonly V[] {
        if (this.after) {
            const { newer, replaced } = this.after;
            return replaced.has(key) ? replaced.get(key) ?? NONE : newer.get(key);
        }
        return this.lists.get(key) ?? NONE;
    }

    /** While a model is built from nothing: the lists are this build's own. */
    add(key: K, value: V): void {
        if (this.before || this.after) throw new Error('lists taken over are written again, never added to');
        const list = this.lists.get(key) as V[] | undefined;
        if (list) list.push(value); else this.lists.set(key, [value]);
    }

    /**
     * Writes each list again whose key the changed documents add to now (`now`,
     * in file order) or added to before (`keysBefore`): without the values those
     * documents gave, and with what they give now, each in its file's place.
     * `documentOrder` gives a value's place among the files, `changed` whether
     * its file is one of the changed (or gone) ones.
     */
    rewrite(keysBefore: Iterable<K>, now: ReadonlyArray<{ order: number; lists: MultiMap<K, V> }>,
        documentOrder: (value: V) => number, changed: (value: V) => boolean): void {
        const keys = new Set<K>(keysBefore);
        for (const { lists } of now) for (const key of lists.keys()) keys.add(key);
        for (const key of keys) {
            const kept = this.get(key).filter(value => !changed(value));
            const list: V[] = [];
            let next = 0;
            for (const { order, lists } of now) {
                const values = lists.get(key);
                if (values.length === 0) continue;
                while (next < kept.length && documentOrder(kept[next]) < order) list.push(kept[next++]);
                for (const value of values) list.push(value);
            }
            while (next < kept.length) list.push(kept[next++]);
            if (this.before && !this.before.has(key)) this.before.set(key, this.lists.get(key));
            if (list.length > 0) this.lists.set(key, list); else this.lists.delete(key);
        }
    }
}

/** Pairs of key and value, in the order they were met; grouped by key when a model is written again from them. */
export class Pairs<K, V> {
    private readonly pairKeys: K[] = [];
    private readonly pairValues: V[] = [];

    add(key: K, value: V): void {
        this.pairKeys.push(key);
        this.pairValues.push(value);
    }

    keys(): readonly K[] {
        return this.pairKeys;
    }

    into(lists: KeyedLists<K, V>): void {
        for (let i = 0; i < this.pairKeys.length; i++) lists.add(this.pairKeys[i], this.pairValues[i]);
    }

    byKey(): MultiMap<K, V> {
        const grouped = new MultiMap<K, V>();
        for (let i = 0; i < this.pairKeys.length; i++) grouped.add(this.pairKeys[i], this.pairValues[i]);
        return grouped;
    }
}
