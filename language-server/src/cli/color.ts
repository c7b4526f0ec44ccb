/**
 * Whether stylish output is coloured: `--color` / `--no-color` (the last given)
 * first, then NO_COLOR (CLI.md), then FORCE_COLOR (CI logs that show colour but are
 * not terminals), else only on a terminal. A file (`--output`) is coloured only on `--color`.
 */
export function useColor(flag: boolean | undefined, toFile: boolean, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
    if (flag !== undefined) return flag;
    if (toFile) return false;
    if (env.NO_COLOR) return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
    return isTerminal;
}
