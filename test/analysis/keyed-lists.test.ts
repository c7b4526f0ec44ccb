import { MultiMap } from 'langium';
import { describe, expect, it } from 'vitest';
import { KeyedLists } from '../../language-server/src/analysis/keyed-lists.js';

/** Values are `file:name`; the file's place in the workspace is its number. */
const fileOf = (value: string) => Number(value.split(':')[0]);

function lists(entries: Record<string, string[]>): MultiMap<string, string> {
    return new MultiMap(Object.entries(entries).flatMap(([key, values]) => values.map(value => [key, value] as [string, string])));
}

describe('lists taken over by the next model', () => {
    it('write a changed file\'s values in its place, drop a gone file\'s, and leave the earlier lists their answers', () => {
        const first = new KeyedLists<string, string>();
        for (const [key, value] of [['a', '1:x'], ['a', '3:y'], ['b', '2:z'], ['a', '5:w']] as const) first.add(key, value);
        const firstA = first.get('a');

        // File 2 changed: it now gives a value under `a` and none under `b`; file 5 is gone.
        const second = new KeyedLists(first);
        const changed = new Set([2, 5]);
        second.rewrite(['b', 'a'], [{ order: 2, lists: lists({ a: ['2:new'] }) }], fileOf, value => changed.has(fileOf(value)));
        expect(second.get('a')).toEqual(['1:x', '2:new', '3:y']);
        expect(second.get('b')).toEqual([]);
        expect(first.get('a')).toBe(firstA);
        expect(first.get('a')).toEqual(['1:x', '3:y', '5:w']);
        expect(first.get('b')).toEqual(['2:z']);

        // A third model takes over from the second: both earlier ones keep their answers.
        const third = new KeyedLists(second);
        third.rewrite(['a'], [{ order: 4, lists: lists({ a: ['4:v'], c: ['4:u'] }) }], fileOf, value => fileOf(value) === 4);
        expect(third.get('a')).toEqual(['1:x', '2:new', '3:y', '4:v']);
        expect(third.get('c')).toEqual(['4:u']);
        expect(second.get('a')).toEqual(['1:x', '2:new', '3:y']);
        expect(second.get('c')).toEqual([]);
        expect(first.get('a')).toEqual(['1:x', '3:y', '5:w']);
        expect(first.get('c')).toEqual([]);
    });

    it('are taken over from the newest only, and never added to', () => {
        const first = new KeyedLists<string, string>();
        first.add('a', '1:x');
        const second = new KeyedLists(first);
        expect(first.isNewest).toBe(false);
        expect(second.isNewest).toBe(true);
        expect(() => new KeyedLists(first)).toThrow(/newest/);
        expect(() => second.add('a', '2:y')).toThrow(/never added to/);
        expect(second.get('a')).toEqual(['1:x']);
    });
});
