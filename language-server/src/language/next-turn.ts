/**
 * Runs `callback` on a later turn of the event loop, after pending I/O: Node's
 * `setImmediate` where it exists, else a zero timeout (a web worker has no
 * `setImmediate`), so the same server code runs in Node and in a browser.
 */
export function nextTurn(callback: () => void): void {
    const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
    if (immediate) immediate(callback);
    else setTimeout(callback, 0);
}

/** `nextTurn` as a promise, for loops that let other requests in between steps. */
export function untilNextTurn(): Promise<void> {
    return new Promise(resolve => nextTurn(resolve));
}
