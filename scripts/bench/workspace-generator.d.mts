/** Types of the benchmark's workspace generator, for the tests that reuse it. */
export function random(seed: number): () => number;
export function actorsFile(actorCount: number): string;
export function arrangementFile(index: number, actorCount: number, next: () => number): string;
export function generateWorkspace(fileCount: number, seed?: number): Record<string, string>;
export function generateSingleModel(lines: number, seed?: number): string;
