import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import keywords from 'joinery:keywords';

/** Joinery's colouring in Monaco: the grammar's keywords, names, strings, numbers and both kinds of comment. */
export function registerJoineryLanguage(): void {
    monaco.languages.register({ id: 'joinery', extensions: ['.joinery'] });
    monaco.languages.setLanguageConfiguration('joinery', {
        comments: { lineComment: '//', blockComment: ['/*', '*/'] },
        brackets: [['{', '}']],
        autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"', notIn: ['string'] }],
        wordPattern: /[A-Za-z_][A-Za-z0-9_-]*/
    });
    monaco.languages.setMonarchTokensProvider('joinery', {
        keywords,
        tokenizer: {
            root: [
                [/\/\/\/.*$/, 'comment.doc'],
                [/\/\/.*$/, 'comment'],
                [/\/\*/, 'comment', '@comment'],
                [/"([^"\\]|\\.)*"/, 'string'],
                [/-?[0-9]+(\.[0-9]+)?[A-Za-z_]*/, 'number'],
                [/[a-z][a-z-]*[a-z]|[a-z]/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
                [/[A-Za-z_][A-Za-z0-9_]*/, 'type.identifier'],
                [/<->|->/, 'operator'],
                [/[{}]/, '@brackets']
            ],
            comment: [[/\*\//, 'comment', '@pop'], [/[^*]+/, 'comment'], [/\*/, 'comment']]
        }
    });
}
