import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The editor and browser tests' programs (`npm run test:editors`, `npm run test:e2e`):
 * an environment variable's path, else the first of the usual names on PATH. When
 * neither is there the test fails with one line naming the program and how to get it.
 */
function findProgram(what: string, variable: string, names: string[], install: string): string {
    const given = process.env[variable];
    if (given) {
        if (!isExecutable(given)) throw new Error(`${variable}=${given} is not an executable file (${what})`);
        return given;
    }
    for (const folder of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        for (const name of names) {
            const candidate = path.join(folder, name);
            if (isExecutable(candidate)) return candidate;
        }
    }
    throw new Error(`${what} not found: none of ${names.join(', ')} is on PATH; ${install}, or set ${variable} to its path`);
}

function isExecutable(file: string): boolean {
    try {
        accessSync(file, constants.X_OK);
        return statSync(file).isFile();
    } catch {
        return false;
    }
}

export function chromiumPath(): string {
    return findProgram('Chromium', 'JOINERY_CHROMIUM', ['chromium', 'chromium-browser'], 'install it (Debian: apt-get install chromium)');
}

export function neovimPath(): string {
    return findProgram('Neovim', 'JOINERY_NVIM', ['nvim'], 'install it (Debian: apt-get install neovim)');
}
