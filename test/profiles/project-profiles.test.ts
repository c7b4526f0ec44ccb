import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { JoineryFileSystem } from '../../language-server/src/workspace/file-system.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../../language-server/src/checking/collect.js';
import type { Finding } from '../../language-server/src/findings/finding.js';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { statutoryStructure } from '../../language-server/src/rules/statutory-structure.js';

let dir: string;
let count = 0;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'joinery-profiles-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project folder with these files, its profiles loaded from `profiles/` as joinery.json names them, and its models checked. */
async function project(files: Record<string, string | Buffer>, folders = ['profiles/']): Promise<{ findings: Finding[]; root: string; profileIds: string[] }> {
    const root = path.join(dir, `p${++count}`);
    mkdirSync(path.join(root, 'profiles'), { recursive: true });
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), content);
    }
    const { Joinery } = createJoineryServices(JoineryFileSystem);
    await Joinery.profiles.ProfileRegistry.loadProject(URI.file(root), folders, URI.file(path.join(root, 'joinery.json')).toString());
    const documents = Object.entries(files).filter(([file]) => file.endsWith('.joinery')).map(([file, text]) => {
        const document = Joinery.shared.workspace.LangiumDocumentFactory.fromString(String(text), URI.file(path.join(root, file)));
        Joinery.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await Joinery.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { findings: collectFindings(Joinery), root, profileIds: Joinery.profiles.ProfileRegistry.all().map(p => p.id) };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The DA board of the rule docs (every requirement met), with another profile id. */
const daBoard = (profile: string, extra = '') => statutoryStructure.docs.passing
    .replace('profile england-da-board', `profile ${profile}`)
    .replace('actor Ministry', `${extra}actor Ministry`);

const TWO_TIER = {
    id: 'england-da-board-two-tier',
    title: 'Domestic abuse local partnership board (two-tier county)',
    extends: 'england-da-board',
    roles: { 'tier-two-authority-representative': { title: 'A person representing the district councils', sector: 'statutory' } },
    requirements: [{ type: 'member', id: 'districts', section: 's.58(2)', title: 'a person representing the district councils', roles: ['tier-two-authority-representative'] }]
};

function onFile(findings: Finding[], file: string): Finding[] {
    return findings.filter(f => f.uri.endsWith(`/${file}`));
}

describe('project profiles', () => {
    it('extend a built-in profile: its requirements are kept and the project\'s added', async () => {
        const { findings, profileIds } = await project({
            'profiles/two-tier.json': json(TWO_TIER),
            'model.joinery': daBoard('england-da-board-two-tier')
        });
        expect(profileIds).toContain('england-da-board-two-tier');
        const statutory = findings.filter(f => f.rule.startsWith('statutory-'));
        expect(statutory.map(f => f.message)).toEqual([expect.stringContaining('a person representing the district councils (Domestic Abuse Act 2021, s.58(2))')]);
        const met = await project({
            'profiles/two-tier.json': json(TWO_TIER),
            'model.joinery': daBoard('england-da-board-two-tier', 'actor District "District councils\' officer" { sector statutory role tier-two-authority-representative }\n')
                .replace('advisory Victims', 'advisory District, Victims')
        });
        expect(met.findings.filter(f => f.rule !== 'no-board-voice' && f.severity === 'error')).toEqual([]);
        expect(met.findings.filter(f => f.rule.startsWith('statutory-'))).toEqual([]);
        // The parent's requirements still hold.
        const noVictims = await project({
            'profiles/two-tier.json': json(TWO_TIER),
            'model.joinery': daBoard('england-da-board-two-tier').replace('role victims-representative', '')
        });
        expect(noVictims.findings.filter(f => f.rule.startsWith('statutory-')).map(f => f.message).join('\n')).toContain('victims of domestic abuse');
    });

    it('replace a requirement by its id and remove another', async () => {
        const { findings } = await project({
            'profiles/small.json': json({
                id: 'da-board-local', title: 'Local variant', extends: 'england-da-board', remove: ['annual-report'],
                requirements: [{ type: 'member', id: 'health', section: 's.58(2)', title: 'two health representatives', roles: ['health-representative'], min: 2 }]
            }),
            'model.joinery': daBoard('da-board-local').replace(/\n.*kind reporting.*/, '')
        });
        expect(findings.filter(f => f.rule.startsWith('statutory-')).map(f => f.message)).toEqual([expect.stringContaining('two health representatives')]);
    });

    it('can be a profile of its own, with a may-not-vote requirement on providers', async () => {
        const { findings } = await project({
            'profiles/commissioning.json': json({
                id: 'commissioning-board', title: 'Commissioning board', instrument: { citation: 'Local constitution', url: 'https://example.org/constitution' }, version: '2024-04-01',
                roles: {}, requirements: [{ type: 'may-not-vote', id: 'no-provider-votes', section: 'para. 4', title: 'providers do not vote on their own contracts', providers: true }]
            }),
            'model.joinery': `actor Council "Council" { sector statutory }
actor Care "Care provider" { sector independent }
arrangement A "A" {
  partners Council
  forum Board "Commissioning board" { kind board profile commissioning-board voting Council, Care controls Pool }
  budget Pool { kind pooled from Council 1m held by Board funds Homecare }
  service Homecare { delivered by Care }
}
`
        });
        const statutory = findings.filter(f => f.rule === 'statutory-membership');
        expect(statutory.map(f => f.message)).toEqual([expect.stringContaining('Care provider votes but delivers Homecare, funded by a budget Commissioning board decides')]);
    });
});

describe('profile files under attack: a finding naming the key, never a crash', () => {
    const good = json(TWO_TIER);
    const cases: Array<[string, string | Buffer, RegExp, 'syntax' | 'semantic']> = [
        ['malformed JSON', '{ "id": "broken", "title": "x", ', /not valid JSON/, 'syntax'],
        ['comments', '// a comment\n{ "id": "c", "title": "x" }', /not valid JSON: comments are not allowed/, 'syntax'],
        ['an unknown key', json({ ...TWO_TIER, requirments: [] }), /requirments is not a key of a profile \(did you mean "requirements"\?\)/, 'semantic'],
        ['an unknown key in a requirement', json({ ...TWO_TIER, requirements: [{ ...TWO_TIER.requirements[0], mni: 2 }] }), /requirements\[0\]\.mni is not a key/, 'semantic'],
        ['an unknown requirement type', json({ ...TWO_TIER, requirements: [{ ...TWO_TIER.requirements[0], type: 'membre' }] }), /requirements\[0\]\.type is "membre" \(did you mean "member"\?\)/, 'semantic'],
        ['a wrong value', json({ ...TWO_TIER, requirements: [{ ...TWO_TIER.requirements[0], min: -1 }] }), /requirements\[0\]\.min is -1; it must be at least 0/, 'semantic'],
        ['a profile that extends itself', json({ ...TWO_TIER, extends: TWO_TIER.id }), /extends names the profile itself/, 'semantic'],
        ['a profile that extends a missing one', json({ ...TWO_TIER, extends: 'england-da-bord' }), /extends names 'england-da-bord', which is no profile \(did you mean 'england-da-board'\?\)/, 'semantic'],
        ['a requirement naming an undefined role', json({ ...TWO_TIER, requirements: [{ ...TWO_TIER.requirements[0], roles: ['district'] }] }), /requirements\[0\]\.roles\[0\] names the role 'district', which this profile does not define/, 'semantic'],
        ['a built-in profile\'s id', json({ id: 'marac', title: 'Our MARAC', instrument: { citation: 'Local protocol', url: 'https://example.org/marac' }, version: '2024-01-01', requirements: [] }), /id 'marac' is a built-in profile's/, 'semantic'],
        ['a profile missing what only an extending one may leave out', json({ id: 'bare', title: 'Bare' }), /is missing "instrument"/, 'semantic'],
        ['a 10 MB profile', `{"id": "big", "title": "${'x'.repeat(10 * 1024 * 1024)}"}`, /is 10\.0 MB; a profile may be at most 256 KB/, 'syntax'],
        ['nesting 100,000 deep', '['.repeat(100_000), /nests objects and lists over 32 deep/, 'syntax'],
        ['an empty file', '', /not valid JSON/, 'syntax'],
        ['a JSON array', '[]', /the profile must be an object, not a list/, 'semantic'],
        ['bytes that are not text', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), /not valid JSON/, 'syntax']
    ];
    it.each(cases)('%s', async (_label, content, message, rule) => {
        const { findings, profileIds } = await project({ 'profiles/bad.json': content, 'profiles/good.json': good.replace(TWO_TIER.id, 'still-loaded'), 'model.joinery': 'actor A { sector statutory }' });
        const problems = onFile(findings, 'bad.json');
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.map(p => p.message).join('\n')).toMatch(message);
        expect(problems[0].rule).toBe(rule);
        expect(problems[0].severity).toBe('error');
        // The other profiles still load; nothing became an internal error.
        expect(profileIds).toEqual(expect.arrayContaining(['scotland-ijb', 'still-loaded']));
        expect(findings.filter(f => /internal error/i.test(f.message))).toEqual([]);
    });

    it('points at the key that is wrong', async () => {
        const text = json({ ...TWO_TIER, requirments: [] });
        const { findings } = await project({ 'profiles/bad.json': text });
        const [problem] = onFile(findings, 'bad.json');
        const line = text.split('\n')[problem.range.start.line];
        expect(line.slice(problem.range.start.character)).toMatch(/^"requirments"/);
    });

    it('reports a circle of profiles on each of them', async () => {
        const { findings } = await project({
            'profiles/a.json': json({ id: 'loop-a', title: 'A', extends: 'loop-b' }),
            'profiles/b.json': json({ id: 'loop-b', title: 'B', extends: 'loop-a' })
        });
        const messages = [...onFile(findings, 'a.json'), ...onFile(findings, 'b.json')].map(f => f.message).join('\n');
        expect(messages).toMatch(/makes a circle/);
    });

    it('tells a model that names a broken profile why it is not there', async () => {
        const { findings } = await project({
            'profiles/bad.json': json({ ...TWO_TIER, requirments: [] }),
            'model.joinery': 'arrangement A { forum F { kind board profile england-da-board-two-tier } }'
        });
        expect(findings.find(f => f.uri.endsWith('model.joinery'))?.message).toMatch(/Profile 'england-da-board-two-tier' could not be loaded: its file \(bad\.json\) has errors/);
    });

    it('reports a folder that cannot be read on joinery.json, and skips what is not a profile file', async () => {
        const { findings } = await project({ 'profiles/readme.txt': 'not a profile' }, ['profiles/', 'missing/']);
        expect(onFile(findings, 'joinery.json').map(f => f.message)).toEqual([expect.stringContaining(`"profiles" names 'missing/', which cannot be read as a folder of profiles`)]);
        expect(findings.filter(f => f.uri.endsWith('readme.txt'))).toEqual([]);
    });

    it('does not hang on a FIFO named like a profile', async () => {
        const root = path.join(dir, 'fifo');
        mkdirSync(path.join(root, 'profiles'), { recursive: true });
        execFileSync('mkfifo', [path.join(root, 'profiles', 'pipe.json')]);
        const { Joinery } = createJoineryServices(JoineryFileSystem);
        await Joinery.profiles.ProfileRegistry.loadProject(URI.file(root), ['profiles/']);
        expect(Joinery.profiles.ProfileRegistry.all()).toHaveLength(4);
    });
});
