/** Groups joined pairwise (systems by links, nodes by two-way channels): near-constant time per question. */
export class UnionFind<T> {
    private readonly parent = new Map<T, T>();

    join(a: T, b: T): void {
        const rootA = this.root(a), rootB = this.root(b);
        if (rootA !== rootB) this.parent.set(rootA, rootB);
    }

    /** Whether the two are one and the same, or joined by a chain of pairs. */
    sameGroup(a: T, b: T): boolean {
        return a === b || this.root(a) === this.root(b);
    }

    /** One member standing for the whole group: equal for members of one group. */
    root(item: T): T {
        let root = item;
        for (let next = this.parent.get(root); next !== undefined; next = this.parent.get(root)) root = next;
        for (let node = item; node !== root;) {
            const next = this.parent.get(node)!;
            this.parent.set(node, root);
            node = next;
        }
        return root;
    }
}
