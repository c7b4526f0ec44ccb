/** Types of the benchmark's workspace generator, for the tests that reuse it. */
export function random(seed: number): () => number;
export function actorsFile(actorCount: number, from?: number, to?: number): string;
export const ACTORS_PER_FILE: number;
export function arrangementFile(index: number, actorCount: number, next: () => number): string;
export function generateWorkspace(fileCount: number, seed?: number): Record<string, string>;
export function ownActorsFile(index: number, seed?: number): string;
export function generateSingleModel(lines: number, seed?: number): string;
