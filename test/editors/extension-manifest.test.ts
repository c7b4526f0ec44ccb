import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFileSchema, ruleLevelsSchema } from '../../language-server/src/checking/rule-settings-schema.js';
import { configurableRuleIds } from '../../language-server/src/checking/rule-settings.js';
import { Element, reflection, TopLevel, type Arrangement } from '../../language-server/src/generated/ast.js';
import { joinery, checkJson } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';
import { checkWorkspace } from '../support/workspace.js';

// What the VS Code extension contributes besides the client: settings, snippets,
// the `$joinery` problem matcher, and the files its manifest points at.
const EXTENSION = path.join(ROOT, 'extension');
const read = (file: string) => JSON.parse(readFileSync(path.join(EXTENSION, file), 'utf-8'));
const manifest = read('package.json');
const contributes = manifest.contributes;

describe('the extension manifest', () => {
    it('offers every configurable rule in `joinery.rules` and in joinery.json\'s schema (run `npm run docs` after changing a rule)', () => {
        const setting = contributes.configuration.properties['joinery.rules'];
        expect(Object.keys(setting.properties).sort()).toEqual(configurableRuleIds().sort());
        expect(setting).toMatchObject(ruleLevelsSchema());
        expect(read('schemas/joinery.schema.json')).toEqual(configFileSchema());
        expect(contributes.configuration.properties['joinery.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
    });

    it('points only at files that exist', () => {
        const paths = [
            manifest.main,
            ...contributes.languages.flatMap((language: { configuration: string; icon: { light: string; dark: string } }) => [language.configuration, language.icon.light, language.icon.dark]),
            ...contributes.grammars.map((grammar: { path: string }) => grammar.path),
            ...contributes.snippets.map((snippets: { path: string }) => snippets.path),
            ...contributes.jsonValidation.map((validation: { url: string }) => validation.url)
        ];
        for (const file of paths) expect(existsSync(path.join(EXTENSION, file)), file).toBe(true);
    });

    it('activates on Joinery files and registers every command it contributes', () => {
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:joinery', 'workspaceContains:**/*.joinery']));
        const bundle = readFileSync(path.join(EXTENSION, manifest.main), 'utf-8');
        const ids = contributes.commands.map((command: { command: string }) => command.command);
        expect(ids).toEqual(expect.arrayContaining(['joinery.checkWorkspace', 'joinery.openRuleDocumentation']));
        for (const id of ids) expect(bundle, id).toContain(`"${id}"`);
    });
});

describe('snippets', () => {
    const snippets = read('snippets/joinery.json') as Record<string, { prefix: string; body: string[] }>;
    const keyword = (type: string) => type.toLowerCase();
    const topLevel = reflection.getAllSubTypes(TopLevel.$type).filter(type => type !== TopLevel.$type).map(keyword);
    const elements = reflection.getAllSubTypes(Element.$type).filter(type => type !== Element.$type).map(keyword);

    it('exist for every declaration', () => {
        expect(Object.values(snippets).map(snippet => snippet.prefix).sort()).toEqual([...topLevel, ...elements].sort());
    });

    it('expand, with their default choices, to declarations that parse', async () => {
        const body = (prefix: string) => expand(Object.values(snippets).find(snippet => snippet.prefix === prefix)!.body);
        const text = [...topLevel.map(body), `arrangement Host {\n${elements.map(body).join('\n')}\n}`].join('\n');
        const { findings, models } = await checkWorkspace(text);
        expect(findings.filter(finding => finding.rule === 'syntax')).toEqual([]);
        const declarations = [...models.values()][0].declarations;
        expect(declarations.map(declaration => keyword(declaration.$type))).toEqual([...topLevel, 'arrangement']);
        expect((declarations.at(-1) as Arrangement).elements.map(element => keyword(element.$type))).toEqual(elements);
    });
});

/** A snippet body as inserted with every placeholder left at its default (first choice, default text, empty tab stop). */
function expand(body: string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '');
}

describe('the $joinery problem matcher', () => {
    it('reads from `joinery check` output exactly the findings of its JSON output', () => {
        const matcher = contributes.problemMatchers.find((m: { name: string }) => m.name === 'joinery');
        const [filePattern, findingPattern] = matcher.pattern as Array<{ regexp: string } & Record<string, number>>;
        const stylish = joinery(['check', 'examples', '--no-color']).stdout;
        const matched: string[] = [];
        let file: string | undefined;
        for (const line of stylish.split('\n')) {
            const finding = new RegExp(findingPattern.regexp).exec(line);
            if (finding && file) {
                const group = (name: string) => finding[findingPattern[name]];
                matched.push(`${file}:${group('line')}:${group('column')} ${group('severity')} ${group('code')} ${group('message')}`);
                continue;
            }
            const header = new RegExp(filePattern.regexp).exec(line);
            file = header ? header[filePattern.file] : undefined;
        }
        const expected = checkJson(['examples']).findings.map(f =>
            `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message.replace(/\s*\n\s*/g, ' ')}`);
        expect(expected.length).toBeGreaterThan(0);
        expect(matched).toEqual(expected);
    });
});
