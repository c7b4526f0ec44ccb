// Build-time text carried inside the page's script (scripts/playground/build.mjs).
declare module 'joinery:server-script' {
    const script: string;
    export default script;
}
declare module 'joinery:editor-worker' {
    const script: string;
    export default script;
}
declare module 'joinery:examples' {
    const examples: Array<{ name: string; text: string }>;
    export default examples;
}
declare module 'joinery:keywords' {
    const keywords: string[];
    export default keywords;
}
