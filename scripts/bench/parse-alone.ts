// `node parse-alone.cjs FOLDER` (bundled by run.mjs): reads every model file below
// FOLDER and parses it with Joinery's parser, keeping every tree, and nothing else:
// no linking, validation, model or rules. The bench times this whole process beside
// `joinery check`, as the floor that Langium's parser sets for a check.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';

function modelFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap(entry => entry.isDirectory() ? modelFiles(join(folder, entry.name)) : entry.name.endsWith('.joinery') ? [join(folder, entry.name)] : []);
}

const { Joinery } = createJoineryServices(NodeFileSystem);
const parser = Joinery.parser.LangiumParser;
// Kept to the end, as a check keeps them: what survives is what the collector copies.
const trees = modelFiles(process.argv[2]).map(file => parser.parse(readFileSync(file, 'utf-8')));
const errors = trees.reduce((sum, tree) => sum + tree.parserErrors.length + tree.lexerErrors.length, 0);
process.stdout.write(`${JSON.stringify({ files: trees.length, errors })}\n`);
