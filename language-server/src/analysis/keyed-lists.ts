const NONE: readonly never[] = [];

/**
 * Lists of values by key (who sits on a forum, which edges leave a node), each
 * list in the order the documents give them: file order, then the order within
 * a file. A model built after an edit starts from the last one's lists and
 * writes again only those that a changed document adds to or added to. A list
 * is never altered once a model has it, so the last model keeps its answers.
 */
export class KeyedLists<K, V> {
    private readonly lists: Map<K, readonly V[]>;

    constructor(earlier?: KeyedLists<K, V>) {
        this.lists = new Map(earlier?.lists);
    }

    get(key: K): readonly V[] {
        return this.lists.get(key) ?? NONE;
    }

    /** While a model is built from nothing: the list is this build's own. */
    add(key: K, value: V): void {
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
    rewrite(keysBefore: Iterable<K>, now: ReadonlyArray<{ order: number; lists: ReadonlyMap<K, readonly V[]> }>,
        documentOrder: (value: V) => number, changed: (value: V) => boolean): void {
        const keys = new Set<K>(keysBefore);
        for (const { lists } of now) for (const key of lists.keys()) keys.add(key);
        for (const key of keys) {
            const kept = this.get(key).filter(value => !changed(value));
            const list: V[] = [];
            let next = 0;
            for (const { order, lists } of now) {
                const values = lists.get(key);
                if (!values) continue;
                while (next < kept.length && documentOrder(kept[next]) < order) list.push(kept[next++]);
                for (const value of values) list.push(value);
            }
            while (next < kept.length) list.push(kept[next++]);
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

    byKey(): Map<K, V[]> {
        const grouped = new Map<K, V[]>();
        for (let i = 0; i < this.pairKeys.length; i++) {
            const list = grouped.get(this.pairKeys[i]);
            if (list) list.push(this.pairValues[i]); else grouped.set(this.pairKeys[i], [this.pairValues[i]]);
        }
        return grouped;
    }
}
