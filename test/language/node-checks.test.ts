import { EmptyFileSystem, URI, type AstNode, type ValidationAcceptor } from 'langium';
import { describe, expect, it } from 'vitest';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';

/**
 * Checks run as they are written (validation/node-checks.ts), not each wrapped in
 * promises: what they report, its order, and a check that throws or rejects must be
 * as with Langium's wrapping.
 */
describe('running the checks of each node', () => {
    it('reports in node order, awaits a check that returns a promise, and reports a check that throws or rejects', async () => {
        const { shared, Joinery } = createJoineryServices(EmptyFileSystem);
        const seen: string[] = [];
        Joinery.validation.ValidationRegistry.register({
            Actor: [
                (node: AstNode & { name?: string }, accept: ValidationAcceptor) => {
                    seen.push(`sync ${node.name}`);
                    accept('warning', `sync ${node.name}`, { node });
                },
                async (node: AstNode & { name?: string }, accept: ValidationAcceptor) => {
                    await new Promise(resolve => setTimeout(resolve, 1));
                    seen.push(`async ${node.name}`);
                    accept('warning', `async ${node.name}`, { node });
                },
                (node: AstNode & { name?: string }) => {
                    if (node.name === 'B') throw new Error('boom');
                },
                async (node: AstNode & { name?: string }) => {
                    if (node.name === 'A') throw new Error('rejected');
                }
            ]
        });
        const document = shared.workspace.LangiumDocuments.createDocument(URI.file('/w/a.joinery'),
            'actor A "A" { sector statutory }\nactor B "B" { sector statutory }\n');
        const errors: unknown[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => { errors.push(args); };
        try {
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
        } finally {
            console.error = consoleError;
        }
        expect(seen).toEqual(['sync A', 'async A', 'sync B', 'async B']);
        const messages = (document.diagnostics ?? []).map(d => typeof d.message === 'string' ? d.message : d.message.value);
        expect(messages.filter(m => /^(sync|async) /.test(m))).toEqual(['sync A', 'async A', 'sync B', 'async B']);
        expect(messages).toContain('An error occurred during validation: rejected');
        expect(messages).toContain('An error occurred during validation: boom');
        expect(messages.indexOf('An error occurred during validation: rejected')).toBeLessThan(messages.indexOf('sync B'));
        expect(errors.length).toBeGreaterThan(0);
    });
});
