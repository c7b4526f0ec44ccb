import { describe, expect, it } from 'vitest';
import { isActor, isArrangement, isDomain, type Actor, type Forum, type Link, type Team } from '../../language-server/src/generated/ast.js';
import { checkWorkspace } from '../support/workspace.js';

/** The whole example of LANGUAGE.md, completed with the actors it mentions. */
const SPEC_MODEL = `
/// The three domains of the health and social care ecosystem (seed 001, Table 1).
domain Government "Government"                        { level macro }
domain CareSystem "Health and social care system"     { level meso }
domain Community  "Community"                         { level micro }

actor NHSL "NHS Lanarkshire" {
  sector statutory          // government | statutory | third | independent | community
  kind organisation
  in CareSystem
  logic efficiency, professional
}
actor NLC "North Lanarkshire Council" { sector statutory in CareSystem logic person-centred }
actor VANL "Voluntary Action North Lanarkshire" {
  sector third
  in Community
  represents LocalThirdSector, CommunityGroups
}
actor LocalThirdSector { sector third kind network in Community }
actor CommunityGroups { sector community kind network }
actor Carers { sector community kind people }
actor ChiefOfficer { sector statutory kind role }

arrangement NorthLanarkshire "North Lanarkshire Health and Social Care Partnership" {
  partners NHSL, NLC
  stage 5
  governance process
  lead NHSL
  leader ChiefOfficer
  merged

  forum SomeForum { kind planning }
  forum IJB "Integration Joint Board" {
    kind board
    voting NHSL 4, NLC 4
    advisory VANL, Carers
    reports to SomeForum
    controls PooledBudget
  }
  budget PooledBudget "Integrated budget" {
    kind pooled
    from NHSL 400m, NLC 120m
    held by IJB
    funds IRT, HomeSupport, LocalThirdSector
  }
  system Trak  "TrakCare patient record"    { owner NHSL }
  system Swift "Social work case system"    { owner NLC }
  link Trak <-> Swift { shares "referrals", "assessments" }
  link Swift->Trak
  team IRT "Integrated Rehabilitation Team" {
    staff NHSL, NLC
    colocated
    uses Trak, Swift
    area "Locality 1"
    leads NHSL
  }
  service HomeSupport "Home support" {
    delivered by NLC, LocalThirdSector
    for "older people"
    area "Locality 1"
    function "reablement"
  }
  channel LocalThirdSector -> VANL "Third sector network" { kind consultation  two-way }
  channel VANL->IJB { kind seat }
  referral IRT -> LocalThirdSector
  goal Prevention "Early intervention and prevention" { owner IJB }
  indicator DelayedDischarges "Delayed discharges" {
    measures Prevention
    kind efficiency
    reported by NHSL
  }
  agreement InfoSharing "Information sharing protocol" {
    between NHSL, NLC
    covers Trak, Swift, IRT
  }
}
`;

const modelErrors = (findings: { rule: string }[]) => findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule));

describe('parsing and linking', () => {
    it('parses and links every construct of LANGUAGE.md with no model error', async () => {
        const { findings, arrangement } = await checkWorkspace(SPEC_MODEL);
        expect(modelErrors(findings)).toEqual([]);
        const north = arrangement('NorthLanarkshire');
        expect(north.title).toBe('North Lanarkshire Health and Social Care Partnership');
        expect(north.merged).toBe(true);
        expect(north.stages).toEqual(['5']);
        const budget = north.elements.find(e => e.$type === 'Budget')!;
        expect(budget.$type === 'Budget' && budget.contributions.map(c => [c.source.ref?.name, c.amount])).toEqual([['NHSL', '400m'], ['NLC', '120m']]);
        const links = north.elements.filter((e): e is Link => e.$type === 'Link');
        expect(links.map(l => [l.from.ref?.name, l.direction, l.to.ref?.name])).toEqual([['Trak', '<->', 'Swift'], ['Swift', '->', 'Trak']]);
        const team = north.elements.find((e): e is Team => e.$type === 'Team')!;
        expect(team.colocated).toBe(true);
        expect(team.uses.map(u => u.ref?.name)).toEqual(['Trak', 'Swift']);
    });

    it('keeps keywords usable as names, including property keywords and declaration keywords', async () => {
        const { findings, models } = await checkWorkspace(`
            domain level "A level"
            actor kind { sector statutory in level }
            actor from { sector statutory }
            actor board { sector statutory }
            arrangement arrangement "named arrangement" {
              partners kind, from, board
              forum forum { kind board voting kind 2, from advisory board controls budget }
              team team { staff kind, from uses system, in }
              system system { owner kind }
              system in { owner from }
              link system <-> arrangement.in
              budget budget { kind pooled from kind 1k, from 2.5bn held by forum funds team }
            }`);
        expect(modelErrors(findings)).toEqual([]);
        const model = [...models.values()][0];
        expect(model.declarations.filter(isActor).map(a => a.name)).toEqual(['kind', 'from', 'board']);
    });

    it('decodes \\" and \\\\ in strings and rejects other escapes and line breaks', async () => {
        const good = await checkWorkspace('domain D "A \\"quoted\\" title \\\\ ok"');
        expect(modelErrors(good.findings)).toEqual([]);
        const domain = ([...good.models.values()][0]).declarations.find(isDomain)!;
        expect(domain.title).toBe('A "quoted" title \\ ok');
        const badEscape = await checkWorkspace('domain D "tab\\t"');
        expect(badEscape.findings.map(f => [f.rule, f.message])).toEqual([['syntax', "Unknown escape '\\t' in a string: only \\\" and \\\\ are allowed"]]);
        const lineBreak = await checkWorkspace('domain D "two\nlines"\nactor A { sector third }');
        expect(lineBreak.findings.some(f => f.rule === 'syntax' && /Unterminated string/.test(f.message))).toBe(true);
    });

    it('says how a date is written when one is quoted', async () => {
        const { findings } = await checkWorkspace('actor X { sector statutory }\narrangement A { partners X date "2026-01-01" }');
        expect(findings.filter(f => f.rule === 'syntax').map(f => f.message)).toEqual([`Expected a date (YYYY-MM-DD, without quotes) but found '"2026-01-01"'`]);
    });

    it('keeps `///` comments as documentation and ignores other comments', async () => {
        const { services, models } = await checkWorkspace(`
            // not documentation
            /// First line of the docs.
            /// Second line.
            actor A { sector third }
            /* block */ actor B { sector third }`);
        const actors = ([...models.values()][0]).declarations.filter(isActor);
        const docs = services.documentation.DocumentationProvider;
        expect(docs.getDocumentation(actors[0])).toBe('First line of the docs.\nSecond line.');
        expect(docs.getDocumentation(actors[1])).toBeUndefined();
    });

    it('recovers from a broken declaration so the rest of the file is still checked', async () => {
        const { findings, models } = await checkWorkspace(`
            actor H { sector statutory }
            actor Broken { sector nonsense kind }
            arrangement A {
              partners H
              forum F { kind board voting H }
              team T { staff H, Missing }
            }
            actor After { sector third }`);
        const model = [...models.values()][0];
        expect(model.declarations.map(d => d.name)).toEqual(['H', 'Broken', 'A', 'After']);
        expect(findings.some(f => f.rule === 'syntax')).toBe(true);
        // A reference error after the broken line is still found.
        expect(findings.find(f => f.rule === 'reference')?.message).toContain("'Missing'");
    });

    it('recovers from a missing closing brace without losing later declarations', async () => {
        const { findings, models } = await checkWorkspace(`
            actor H { sector statutory
            actor V { sector third }
            arrangement A { partners H, V }`);
        const model = [...models.values()][0];
        expect(findings.some(f => f.rule === 'syntax')).toBe(true);
        expect(model.declarations.some(d => isArrangement(d) && d.name === 'A')).toBe(true);
    });
});

describe('workspace scoping', () => {
    it('finds a forum where a party is taken only when it is a body, so an actor of the same name keeps its v1 meaning', async () => {
        const { findings, arrangement } = await checkWorkspace({
            'actors.joinery': 'actor NHS { sector statutory }',
            'north.joinery': `arrangement N {
  partners NHS
  forum NHS "Health board's own board" { kind board voting NHS }
  forum IJB { kind board body voting NHS }
  team T { staff NHS, IJB }
}`,
            'south.joinery': 'arrangement S { partners NHS, N.IJB team U { staff N.IJB } }'
        });
        expect(modelErrors(findings)).toEqual([]);
        const staff = (name: string, team: string) => (arrangement(name).elements.find(e => e.$type === 'Team' && e.name === team) as Team).staff.map(s => s.ref?.$type);
        expect(staff('N', 'T')).toEqual(['Actor', 'Forum']);
        expect(staff('S', 'U')).toEqual(['Forum']);
    });

    it('shares top-level names across files and reaches elements as Arrangement.Element', async () => {
        const { findings, arrangement } = await checkWorkspace({
            'actors.joinery': 'actor H { sector statutory }\nactor V { sector third }',
            'north.joinery': 'arrangement N { partners H forum B { kind board voting H } }',
            'south.joinery': 'arrangement S { partners H channel V -> N.B }'
        });
        expect(modelErrors(findings)).toEqual([]);
        const channel = arrangement('S').elements.find(e => e.$type === 'Channel')!;
        expect(channel.$type === 'Channel' && (channel.to?.ref as Forum).$container.name).toBe('N');
        const h1 = arrangement('N').partners[0].ref, h2 = arrangement('S').partners[0].ref;
        expect(h1).toBeDefined();
        expect(h1).toBe(h2);
    });

    it('does not see another arrangement\'s elements by their plain names', async () => {
        const { findings } = await checkWorkspace(`
            actor H { sector statutory }
            arrangement N { forum B { kind board } }
            arrangement S { channel H -> B }`);
        expect(findings.map(f => [f.rule, f.arrangement, f.message])).toEqual([
            ['reference', 'S', "Cannot find actor, team or forum 'B' (in `channel`)"]
        ]);
    });

    it('looks up only the kinds a reference accepts, so an element does not hide an actor of the same name', async () => {
        const { findings, arrangement } = await checkWorkspace(`
            actor H { sector statutory }
            arrangement A { partners H team H2 { staff H } system H { owner H } }`);
        expect(modelErrors(findings)).toEqual([]);
        expect(isActor(arrangement('A').partners[0].ref)).toBe(true);
    });

    it('prefers the arrangement\'s own element over a top-level name for the same reference', async () => {
        const { findings, arrangement } = await checkWorkspace(`
            actor H { sector statutory }
            arrangement A { team T { staff H } team H { staff H } referral T -> H }`);
        expect(modelErrors(findings)).toEqual([]);
        const referral = arrangement('A').elements.find(e => e.$type === 'Referral')!;
        expect(referral.$type === 'Referral' && referral.to.ref?.$type).toBe('Team');
    });

    it('names the closest name when a reference does not resolve', async () => {
        const { findings } = await checkWorkspace('actor Lanarkshire { sector statutory }\narrangement A { partners Lanarkshir }');
        expect(findings.filter(f => f.rule !== 'uninvolved-actor').map(f => [f.rule, f.message, f.suggestion])).toEqual([
            ['reference', "Cannot find actor or body 'Lanarkshir' (in `partners`); did you mean 'Lanarkshire'?", 'Lanarkshire']
        ]);
        // The misspelt reference leaves the actor in no arrangement, and that is said too.
        expect(findings.filter(f => f.rule === 'uninvolved-actor').map(f => f.element)).toEqual(['Lanarkshire']);
    });

    it('never suggests a forum whose `reports to` chain leads back, which would close a circle', async () => {
        const { findings } = await checkWorkspace('actor H { sector statutory }\narrangement A { partners H\n'
            + '  forum Forum13 { voting H reports to Forum16 }\n  forum Forum16 { voting H reports to Forum13x }\n  forum Other { voting H reports to Forum13x }\n}');
        expect(findings.filter(f => f.rule === 'reference').map(f => [f.element, f.suggestion])).toEqual([['Forum16', undefined], ['Other', 'Forum13']]);
    });

    it('never suggests the name at the other end of the same link, which would join a system to itself', async () => {
        const { findings } = await checkWorkspace('actor H { sector statutory }\narrangement A { partners H\n  system Sys15 { owner H }\n  system Sys16x { owner H }\n  link Sys15 -> Sys16\n  channel H -> Sys }');
        expect(findings.filter(f => f.rule === 'reference').map(f => f.suggestion)).toEqual(['Sys16x', undefined]);
    });
});

describe('what a model element resolves to', () => {
    it('resolves `in` to a domain and `represents` to actors', async () => {
        const { models } = await checkWorkspace('domain D\nactor A { sector third in D represents B }\nactor B { sector community kind people }');
        const actor = ([...models.values()][0]).declarations.find((d): d is Actor => isActor(d) && d.name === 'A')!;
        expect(actor.domain?.ref?.name).toBe('D');
        expect(actor.represents[0].ref?.name).toBe('B');
    });
});
