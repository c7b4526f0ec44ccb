import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';

/** A valid model that each case below breaks in one place. */
const VALID = `
actor H "Health board" { sector statutory }
actor C "Council" { sector statutory }
actor Boss "Chief officer" { sector statutory kind role }
arrangement A "Partnership" {
  partners H, C
  leader Boss
  version "2.1"
  date 2024-02-29
  forum Board { kind board voting H 2, C reports to Top }
  forum Top { kind board voting H }
  budget P { kind pooled from H 10m, C 2.5bn held by Board }
  system S1 { owner H }
  system S2 { owner C }
  link S1 <-> S2
  team T { staff H, C uses S1, S2 }
  channel T -> Board { kind reporting }
}`;

interface Case {
    name: string;
    model: string;
    rule: 'syntax' | 'reference' | 'semantic';
    message: RegExp;
    element?: string;
}

function replace(from: string, to: string): string {
    if (!VALID.includes(from)) throw new Error(`case does not apply: ${from}`);
    return VALID.replace(from, to);
}

const CASES: Case[] = [
    { name: 'an unresolved reference', model: replace('partners H, C', 'partners H, Cx'), rule: 'reference', message: /^Cannot find actor or body 'Cx' \(in `partners`\)$/, element: 'A' },
    { name: 'an unresolved reference, with the closest name', model: replace('system S2 { owner C }', 'system Social { owner C }').replace('uses S1, S2', 'uses S1, Socal').replace('S1 <-> S2', 'S1 <-> Social'), rule: 'reference', message: /^Cannot find system 'Socal' \(in `uses`\); did you mean 'Social'\?$/, element: 'T' },
    { name: 'a reference to an element of the wrong kind', model: replace('uses S1, S2', 'uses S1, T'), rule: 'semantic', message: /^`uses` takes a system; T is a team$/, element: 'T' },
    { name: 'a `held by` that is neither a forum nor an actor', model: replace('held by Board', 'held by S1'), rule: 'semantic', message: /^`held by` takes a forum or an actor; S1 is a system$/, element: 'P' },
    { name: 'duplicate names in an arrangement', model: replace('system S2 { owner C }', 'system S2 { owner C }\n  team S2 { staff H }'), rule: 'semantic', message: /Duplicate name 'S2' in arrangement A: already declared as system/ },
    { name: 'duplicate top-level names', model: VALID + '\ndomain H', rule: 'semantic', message: /Duplicate name 'H': already declared as actor in model.joinery:2/ },
    { name: 'a property given twice', model: replace('forum Top { kind board', 'forum Top { kind board kind planning'), rule: 'semantic', message: /^`kind` is given 2 times in forum Top; it may appear once$/, element: 'Top' },
    { name: 'a flag given twice', model: replace('partners H, C', 'partners H, C merged merged'), rule: 'semantic', message: /`merged` is given 2 times in arrangement A/ },
    { name: 'an actor without sector', model: replace('actor C "Council" { sector statutory }', 'actor C "Council" { kind network }'), rule: 'semantic', message: /^Actor C has no `sector`/, element: 'C' },
    { name: 'a voting seat count below 1', model: replace('voting H 2, C', 'voting H 0, C'), rule: 'semantic', message: /needs at least 1 seat; H has 0/ },
    { name: 'a malformed seat count', model: replace('voting H 2, C', 'voting H 2.5, C'), rule: 'semantic', message: /Seat count '2.5' is not a whole number/ },
    { name: 'a negative amount', model: replace('from H 10m', 'from H -10m'), rule: 'semantic', message: /Amount '-10m' is negative/ },
    { name: 'a malformed amount', model: replace('from H 10m', 'from H 10q'), rule: 'semantic', message: /Amount '10q' is malformed/ },
    { name: 'a `reports to` cycle', model: replace('forum Top { kind board voting H }', 'forum Top { kind board voting H reports to Board }'), rule: 'semantic', message: /`reports to` runs in a circle: (Board → Top → Board|Top → Board → Top)/ },
    { name: 'a link from a system to itself', model: replace('link S1 <-> S2', 'link S1 <-> S1'), rule: 'semantic', message: /link from system S1 to itself/ },
    { name: 'a channel from an element to itself', model: replace('channel T -> Board', 'channel T -> T'), rule: 'semantic', message: /channel from T to itself/ },
    { name: 'a leader that is not kind role', model: replace('leader Boss', 'leader H'), rule: 'semantic', message: /`leader` must be an actor of kind role.*H is of kind organisation/ },
    { name: 'a value outside a property\'s listed values', model: replace('kind pooled', 'kind shared'), rule: 'syntax', message: /Unexpected 'shared': expected pooled, aligned, delegated, separate, grant/ },
    { name: 'a stage that is not a stage of joining-up', model: replace('partners H, C', 'partners H, C stage 8'), rule: 'syntax', message: /Stage '8' is not a stage of joining-up/ },
    // What analysts actually type (issue 14, item 7).
    { name: 'an amount with a currency sign', model: replace('from H 10m', 'from H £10m'), rule: 'syntax', message: /^Write amounts without a currency sign: `10m`, not `£10m`$/, element: 'P' },
    { name: 'an amount in words', model: replace('from H 10m', 'from H 10 million'), rule: 'syntax', message: /^Write amounts as one word with a suffix: `10m` \(k for thousand, m for million, bn for billion\)$/ },
    { name: 'an amount with thousands separators', model: replace('from H 10m', 'from H 10,000,000'), rule: 'syntax', message: /^Write amounts without commas: `10000000`, or with a suffix \(`10m`\)$/ },
    { name: 'an amount with a capital suffix', model: replace('from H 10m', 'from H 10M'), rule: 'semantic', message: /^Amount '10M' is malformed: write `10m`/ },
    { name: 'two holders of a budget', model: replace('held by Board', 'held by Board, Top'), rule: 'semantic', message: /^A budget is held by one forum or actor, the one that decides its spending: write `held by Board`/, element: 'P' },
    { name: 'a name with a hyphen', model: replace('actor C "Council" { sector statutory }', 'actor C "Council" { sector statutory }\nactor NHS-Kinbrae { sector statutory }'), rule: 'syntax', message: /^Names cannot contain '-' \(NHS-Kinbrae\): write NHS_Kinbrae or NHSKinbrae$/, element: 'NHS-Kinbrae' },
    { name: 'a name in two words', model: replace('actor C "Council" { sector statutory }', 'actor C "Council" { sector statutory }\nactor NHS Kinbrae { sector statutory }'), rule: 'syntax', message: /^A name is one word .*`NHS Kinbrae` is read as the name NHS followed by Kinbrae/ },
    { name: 'a property a forum does not take', model: replace('forum Top { kind board', 'forum Top { kind board quorum 3'), rule: 'syntax', message: /^`quorum` is not a property of a forum: a forum takes `kind`, `body`.*`controls`, `profile`, `role`$/ },
    { name: 'a misspelt property', model: replace('forum Top { kind board', 'forum Top { kind board votng H'), rule: 'syntax', message: /Did you mean `voting`\?$/ },
    { name: 'a member listed twice', model: replace('voting H 2, C', 'voting H 2, C, H'), rule: 'semantic', message: /^H is listed twice in `voting` of Board: list each member once$/ },
    { name: 'a chair who neither votes nor is a role', model: replace('forum Top { kind board voting H }', 'forum Top { kind board voting H chair C }'), rule: 'semantic', message: /^The chair of Top must be one of its voting members, or an actor of kind role; C is neither$/ },
    { name: 'a sector on a forum that is not a body', model: replace('forum Top { kind board voting H }', 'forum Top { kind board voting H sector statutory }'), rule: 'semantic', message: /^`sector` on a forum is for a body/ },
    { name: 'a forum that is not a body where a party is taken', model: replace('team T { staff H, C', 'team T { staff H, C, Top'), rule: 'semantic', message: /^`staff` takes an actor or a body \(a forum declared `body`\); Top is a forum that is not a body/ },
    { name: 'several stages that are not alternatives', model: replace('partners H, C', 'partners H, C stage 4, 5'), rule: 'semantic', message: /^Only 6a, 6b and 6c can be claimed together/ },
    { name: 'a fixed term without its end', model: replace('held by Board', 'held by Board term fixed'), rule: 'semantic', message: /^A fixed-term budget needs the date it ends/ },
    { name: 'a recurrent term with an end', model: replace('held by Board', 'held by Board term recurrent until 2027-03-31'), rule: 'semantic', message: /^A recurrent budget has no end date/ },
    { name: 'a date that is no day', model: replace('held by Board', 'held by Board term fixed until 2027-02-30'), rule: 'semantic', message: /^'2027-02-30' is not a date/ },
    { name: 'a direction from a forum that is not a board', model: replace('channel T -> Board', 'forum Plan { kind planning voting H }\n  direction D { from Plan to H }'), rule: 'semantic', message: /^A direction is issued by a board; Plan is a forum of kind planning$/ },
    { name: 'a direction without its partner', model: replace('channel T -> Board', 'direction D { from Board }'), rule: 'semantic', message: /^Direction D needs `to` \(the partner it directs\)$/ },
    { name: 'a named channel without its ends', model: replace('channel T -> Board { kind reporting }', 'channel Report { from T kind reporting }'), rule: 'semantic', message: /^Channel Report needs `to`/ },
    { name: 'a forum that scrutinises itself', model: replace('forum Top { kind board voting H }', 'forum Top { kind board voting H scrutinises Top }'), rule: 'semantic', message: /^Top cannot scrutinise itself$/ },
    { name: 'an arrangement date that does not exist', model: replace('date 2024-02-29', 'date 2025-02-29'), rule: 'semantic', message: /^'2025-02-29' is not a date: write a real date as YYYY-MM-DD/, element: 'A' },
    { name: 'a version given twice', model: replace('version "2.1"', 'version "2.1" version "2.2"'), rule: 'semantic', message: /^`version` is given 2 times in arrangement A; it may appear once$/, element: 'A' }
];

describe('semantic validation', () => {
    it('stays silent on the valid model', async () => {
        const { findings } = await checkWorkspace(VALID);
        expect(findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule))).toEqual([]);
    });

    for (const testCase of CASES) {
        it(`reports ${testCase.name}`, async () => {
            const { findings } = await checkWorkspace(testCase.model);
            const errors = findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule));
            expect(errors, JSON.stringify(errors)).not.toEqual([]);
            const match = errors.find(f => testCase.message.test(f.message));
            expect(match, JSON.stringify(errors.map(e => e.message))).toBeDefined();
            expect(match!.rule).toBe(testCase.rule);
            expect(match!.severity).toBe('error');
            if (testCase.element) expect(match!.element).toBe(testCase.element);
        });
    }

    it('reports a `reports to` cycle that crosses two arrangements in two files', async () => {
        const { findings } = await checkWorkspace({
            'a.joinery': 'arrangement A { forum F { kind planning reports to B.G } }',
            'b.joinery': 'arrangement B { forum G { kind planning reports to A.F } }'
        });
        expect(findings.filter(f => f.rule === 'semantic').map(f => [f.arrangement, f.element])).toEqual([['A', 'F'], ['B', 'G']]);
    });

    it('reports a top-level name declared in two files on the later file', async () => {
        const { findings } = await checkWorkspace({ 'a.joinery': 'actor X { sector third }', 'b.joinery': 'actor X { sector third }' });
        expect(findings.map(f => [f.uri.split('/').pop(), f.rule])).toEqual([['b.joinery', 'semantic']]);
    });
});
