import { describe, expect, it } from 'vitest';
import { TextDocument, URI } from 'langium';
import { collectFindings } from '../../language-server/src/checking/collect.js';
import { FindingsByFile } from '../../language-server/src/checking/file-findings.js';
import type { Finding } from '../../language-server/src/findings/finding.js';
import { checkWorkspace } from '../support/workspace.js';

/**
 * The server asks for every file's findings after every edit; a file whose
 * findings, document and settings are those of the last time gets the list made
 * then (checking/file-findings.ts). What it answers is collectFindings's list.
 */
describe('findings file by file', () => {
    const files = {
        'actors.joinery': 'actor NHS "Health board" { sector statutory }\nactor TSI "Third sector interface" { sector third }\nactor Care { sector independent }\n',
        'north.joinery': 'arrangement North "North" { partners NHS, TSI\n  forum IJB { kind board voting NHS }\n  service Lunch { delivered by TSI }\n}\n',
        'south.joinery': 'arrangement South "South" { partners NHS, Care\n  forum Board { kind board voting NHS }\n  service Homes { delivered by Care }\n}\n'
    };
    const uri = (name: string) => URI.file(`/workspace/${name}`).toString();
    const fileByFile = (found: ReadonlyMap<string, readonly Finding[]>) => [...found.keys()].sort().flatMap(key => found.get(key)!);

    it('keeps the lists of files an edit did not touch, and makes again those it did', async () => {
        const { services, findings } = await checkWorkspace(files);
        // As the server does after start-up: its first build, like a check, keeps nothing for the next.
        expect(services.rules.RuleRunner.writeDownReads()).toBe(true);
        const byFile = new FindingsByFile(services);
        const first = byFile.collect({});
        expect(fileByFile(first)).toEqual(findings);
        let version = 1;
        const edit = async (name: string, text: string) => {
            services.shared.workspace.TextDocuments.set(TextDocument.create(uri(name), 'joinery', ++version, text));
            await services.shared.workspace.DocumentBuilder.update([URI.parse(uri(name))], []);
        };
        // South's title is named in the messages of its findings on the shared actors, never in North's.
        await edit('south.joinery', files['south.joinery'].replace('"South"', '"South renamed"'));
        const second = byFile.collect({});
        expect(fileByFile(second)).toEqual(collectFindings(services));
        expect(second.get(uri('north.joinery'))).toBe(first.get(uri('north.joinery')));
        expect(second.get(uri('actors.joinery'))).not.toBe(first.get(uri('actors.joinery')));
        expect(second.get(uri('actors.joinery'))!.some(finding => finding.message.includes('South renamed'))).toBe(true);
    });

    it('applies new rule settings and a suppression comment added to a file whose findings are the same', async () => {
        const { services } = await checkWorkspace(files);
        const byFile = new FindingsByFile(services);
        const before = byFile.collect({});
        const rule = before.get(uri('actors.joinery'))![0].rule;
        const settings = { [rule]: 'off' as const };
        expect(fileByFile(byFile.collect(settings))).toEqual(collectFindings(services, settings));
        expect(byFile.collect(settings).get(uri('actors.joinery'))!.some(finding => finding.rule === rule)).toBe(false);
        expect(fileByFile(byFile.collect({}))).toEqual(collectFindings(services));

        const north = before.get(uri('north.joinery'))!.find(finding => finding.rule !== 'reference')!;
        const lines = files['north.joinery'].split('\n');
        lines.splice(north.range.start.line, 0, `// joinery-ignore ${north.rule}: accepted in review`);
        services.shared.workspace.TextDocuments.set(TextDocument.create(uri('north.joinery'), 'joinery', 2, lines.join('\n')));
        await services.shared.workspace.DocumentBuilder.update([URI.parse(uri('north.joinery'))], []);
        const after = byFile.collect({});
        expect(fileByFile(after)).toEqual(collectFindings(services));
        expect(after.get(uri('north.joinery'))!.length).toBeLessThan(before.get(uri('north.joinery'))!.length);
    });
});
