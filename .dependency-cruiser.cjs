// The layers of language-server/src, lowest first. A module may import its own
// layer and the layers below it, never one above it nor a peer on the same rung
// (lsp and report; cli and server). `npm run lint:layers` (part of `npm test`)
// fails naming both files of an import that runs against this order.
const src = '^language-server/src/';
const rungs = [
    ['generated'],          // Langium's generated AST, grammar and module
    ['language'],           // what the language's words and values mean
    ['parser'],             // text to AST: lexing, parsing, recovery, limits, CST reading
    ['references'],         // scoping and linking, qualified names
    ['workspace'],          // which files are models, and how their bytes are read
    ['profiles'],           // statutory profiles: their schema, the built-in ones, a project's own files
    ['validation'],         // model errors of one document: syntax, reference, semantic
    ['analysis'],           // the derived integration model: knows nothing of rules or findings
    ['findings'],           // what a finding is and where it points; the workspace's own model errors
    ['rules'],              // the gap rules and the rule runner that makes their findings
    ['checking'],           // every finding of a workspace, rule settings and suppressions applied
    ['lsp', 'report'],      // editor features; the integration report and map
    ['joinery-module'],     // wires the services
    ['server', 'cli']       // the two programs
];
const layerPath = name => name === 'joinery-module' ? `${src}joinery-module\\.ts$` : `${src}${name}/`;
const forbidden = [];
rungs.forEach((rung, index) => {
    const above = rungs.slice(index + 1).flat();
    for (const layer of rung) {
        const peers = rung.filter(other => other !== layer);
        const targets = [...above, ...peers];
        if (targets.length === 0) continue;
        forbidden.push({
            name: `${layer}-imports-upward`,
            comment: `${layer} may import only the layers below it (see .dependency-cruiser.cjs)`,
            severity: 'error',
            from: { path: layerPath(layer) },
            to: { path: targets.map(layerPath) }
        });
    }
});
forbidden.push(
    {
        name: 'no-circular',
        comment: 'modules that import each other, directly or through others',
        severity: 'error',
        from: { path: src },
        to: { circular: true }
    },
    {
        name: 'extension-uses-protocol-and-drawing-only',
        comment: 'the VS Code client talks to the server over LSP: it may import only protocol types and the map drawing',
        severity: 'error',
        from: { path: '^extension/src/' },
        to: { path: src, pathNot: [`${src}server/[a-z-]+-protocol\\.ts$`, `${src}report/map-(scene|paint|layout)\\.ts$`, `${src}report/integration-graph\\.ts$`, `${src}generated/`] }
    },
    {
        // The playground runs the language server as a worker script (extension/out/web/server.js), so like the
        // extension it talks LSP and shares only protocol types and the map drawing (and the map panel of extension/src/map-view).
        name: 'playground-uses-protocol-and-map-view-only',
        comment: 'the playground talks to the server in its worker over LSP: it may import protocol types, the map drawing and the map panel',
        severity: 'error',
        from: { path: '^playground/src/' },
        to: { path: [src, '^extension/src/'], pathNot: [`${src}server/[a-z-]+-protocol\\.ts$`, `${src}report/map-(scene|paint)\\.ts$`, '^extension/src/map-view/'] }
    },
    {
        name: 'src-never-imports-tests',
        severity: 'error',
        from: { path: '^(language-server|extension|playground)/src/' },
        to: { path: '^test/' }
    }
);

module.exports = {
    forbidden,
    options: {
        doNotFollow: { path: 'node_modules' },
        tsConfig: { fileName: 'tsconfig.json' },
        tsPreCompilationDeps: true,
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'] }
    }
};
