// The playground: one static page (out/playground/index.html, playground.js,
// playground.css) that opens from file:// with no server and no network. Chromium
// lets a file: page run classic scripts beside it but start no worker from a file:
// URL, so the language server (extension/out/web/server.js) and Monaco's editor
// worker go into playground.js as text and start as workers from blob: URLs.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const OUT = 'out/playground';

/** Each example folder as one model: its files one after the other (a model is a list of declarations). */
function examples() {
    return readdirSync('examples', { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name).sort().map(name => {
        const folder = path.join('examples', name);
        const files = readdirSync(folder).filter(file => file.endsWith('.joinery')).sort();
        const text = files.map(file => `// ${file}\n${readFileSync(path.join(folder, file), 'utf-8').trimEnd()}\n`).join('\n');
        return { name, text };
    });
}

/** The grammar's word keywords, for Monaco's colouring: the grammar stays the one source of the language's words. */
function keywords() {
    const grammar = readFileSync('grammar/joinery.langium', 'utf-8').replace(/\/\/.*$/gm, '');
    return [...new Set([...grammar.matchAll(/'([a-z][a-z-]*)'/g)].map(match => match[1]))].sort();
}

/** `import text from 'joinery:…'`: build-time text the page carries inside its script. */
function virtualText(modules) {
    return {
        name: 'joinery-virtual-text',
        setup(build) {
            build.onResolve({ filter: /^joinery:/ }, args => ({ path: args.path, namespace: 'joinery-text' }));
            build.onLoad({ filter: /.*/, namespace: 'joinery-text' }, args => ({ contents: modules[args.path](), loader: 'js' }));
        }
    };
}

export async function buildPlayground({ browser, record, serverScript }) {
    mkdirSync(OUT, { recursive: true });
    const editorWorker = await esbuild.build({
        ...browser, format: 'iife', write: false, sourcemap: false, metafile: false,
        entryPoints: ['node_modules/monaco-editor/esm/vs/editor/editor.worker.js']
    });
    const modules = {
        'joinery:server-script': () => `export default ${JSON.stringify(readFileSync(serverScript, 'utf-8'))};`,
        'joinery:editor-worker': () => `export default ${JSON.stringify(editorWorker.outputFiles[0].text)};`,
        'joinery:examples': () => `export default ${JSON.stringify(examples())};`,
        'joinery:keywords': () => `export default ${JSON.stringify(keywords())};`
    };
    record(await esbuild.build({
        ...browser, format: 'iife', sourcemap: false,
        entryPoints: { playground: 'playground/src/main.ts' }, outdir: OUT,
        // Monaco's icon font goes inside the stylesheet: a file: page may not load a font file beside it.
        loader: { '.ttf': 'dataurl' },
        plugins: [...browser.plugins, virtualText(modules)]
    }));
    writeFileSync(path.join(OUT, 'index.html'), PAGE);
}

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-eval' blob:; worker-src blob:; style-src 'self' 'unsafe-inline'; font-src data:; img-src data: blob:; connect-src 'none'">
<title>Joinery playground</title>
<link rel="stylesheet" href="playground.css">
</head>
<body class="vscode-light">
<noscript>The Joinery playground needs JavaScript.</noscript>
<script src="playground.js"></script>
</body>
</html>
`;
