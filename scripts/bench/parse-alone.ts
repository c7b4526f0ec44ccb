// `node parse-alone.cjs FOLDER` (bundled by run.mjs): reads the model files below
// FOLDER as `joinery check` selects and reads them, and parses each with Joinery's
// parser, keeping every tree, and nothing else: no linking, validation, model or
// rules. The bench times this whole process beside the check, as the floor that
// Langium's parser sets for a check.
import { NodeFileSystem } from 'langium/node';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { findModelFiles } from '../../language-server/src/cli/workspace-files.js';
import { readModelFile } from '../../language-server/src/workspace/model-text.js';

async function parseAlone(folder: string): Promise<void> {
    const { Joinery } = createJoineryServices(NodeFileSystem);
    const parser = Joinery.parser.LangiumParser;
    const { files } = await findModelFiles([folder], process.cwd());
    // Kept to the end, as a check keeps them: what survives is what the collector copies.
    const trees = files.map(file => parser.parse(readModelFile(file).text ?? ''));
    const errors = trees.reduce((sum, tree) => sum + tree.parserErrors.length + tree.lexerErrors.length, 0);
    process.stdout.write(`${JSON.stringify({ files: trees.length, errors })}\n`);
}

// CommonJS once bundled: no top-level await.
void parseAlone(process.argv[2]);
