/** A list of values per key, built once so that later questions are map look-ups; an absent key has none. */
export class ListIndex<K, V> {
    private readonly lists = new Map<K, V[]>();

    add(key: K, value: V): void {
        const list = this.lists.get(key);
        if (list) list.push(value); else this.lists.set(key, [value]);
    }

    get(key: K): readonly V[] {
        return this.lists.get(key) ?? [];
    }
}
