import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { actorInArrangement } from '../../language-server/src/analysis/actor-profile.js';
import { checkWorkspace } from '../support/workspace.js';

const MODEL = {
    'actors.joinery': `
        actor H "Health board" { sector statutory }
        actor C "Council" { sector statutory }
        actor TSI "Third sector interface" { sector third represents Net }
        actor Net "Local third sector" { sector third kind network represents Groups }
        actor Groups "Community groups" { sector community kind network }
        actor Shop "Care provider" { sector independent }
        actor Boss { sector statutory kind role }`,
    'north.joinery': `
        arrangement N "North" {
          partners H, C
          stage 6b
          leader Boss
          forum Board "Joint board" { kind board voting H 3, C 1 controls Pool }
          forum Locality "Locality group" { kind engagement advisory TSI reports to Board }
          forum Plan { kind planning voting H, C reports to Board }
          budget Pool "Pooled" { kind pooled from H 30m, C 10m held by Board funds Team }
          budget Grant "Grant" { kind grant from C 10m held by TSI funds Net }
          system S1 { owner H }
          system S2 { owner C }
          link S1 -> S2
          team Team { staff H, C uses S1, S2 }
          service Care { delivered by Team, Shop }
          service Lunch { delivered by Net }
          goal G { owner Plan }
          channel Net -> TSI { kind representation two-way }
          referral Team -> Shop
        }`
};

describe('derived integration model', () => {
    it('derives involved actors, including those represented, repeatedly', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL);
        const model = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N'));
        expect(model.involvedActors.map(a => a.name).sort()).toEqual(['Boss', 'C', 'Groups', 'H', 'Net', 'Shop', 'TSI']);
    });

    it('finds who reaches a board of the arrangement, and through whom', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL);
        const model = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N'));
        const byName = new Map(model.involvedActors.map(a => [a.name, a]));
        const reaches = (name: string) => model.routesToBoard.has(byName.get(name)!);
        expect(reaches('H')).toBe(true);
        expect(reaches('TSI')).toBe(true);   // advisory on Locality, which reports to Board
        expect(reaches('Net')).toBe(true);   // channel to TSI
        expect(reaches('Groups')).toBe(false); // represented by Net, but `represents` is no route
        expect(reaches('Shop')).toBe(false);
        const profile = actorInArrangement(byName.get('Net')!, model)!;
        expect(profile.boardRoute?.board.name).toBe('Board');
        expect(profile.boardRoute?.through.map(n => n.name)).toEqual(['TSI', 'Locality']);
        expect(profile.budgetsReceived.map(b => b.name)).toEqual(['Grant']);
    });

    it('computes the power map: seats, budget share weighted by amounts, services per sector', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL);
        const power = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N')).powerMap;
        expect(power.budgetsWeighted).toBe(true);
        expect(power.get('statutory')).toEqual({ sector: 'statutory', votingSeats: 4, budgetShare: 0.8, servicesDelivered: 1, servicesAsPartner: 1, serviceShare: 0.5 });
        expect(power.get('third')).toMatchObject({ votingSeats: 0, budgetShare: 0.2, servicesDelivered: 1 });
        expect(power.get('independent')).toMatchObject({ votingSeats: 0, budgetShare: 0, servicesDelivered: 1, serviceShare: 0.5 });
        expect(power.get('community')).toMatchObject({ votingSeats: 0, budgetShare: 0, servicesDelivered: 0 });
    });

    it('gives the power map per actor too, so one member with a vote does not speak for its sector', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL);
        const power = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N')).powerMap;
        const of = (name: string) => power.actors.find(p => p.actor.name === name);
        // The board holds 40m of 50m and splits it 3:1 by seats; the third sector interface holds the 10m grant.
        expect(of('H')).toMatchObject({ votingSeats: 3, budgetShare: expect.closeTo(0.6), servicesDelivered: 1, serviceShare: 0.5 });
        expect(of('C')).toMatchObject({ votingSeats: 1, budgetShare: expect.closeTo(0.2), servicesDelivered: 1 });
        expect(of('TSI')).toMatchObject({ votingSeats: 0, budgetShare: expect.closeTo(0.2), servicesDelivered: 0 });
        // Net delivers the third sector's one service with neither seat nor money: the sector's 20% is TSI's.
        expect(of('Net')).toMatchObject({ votingSeats: 0, budgetShare: 0, servicesDelivered: 1, serviceShare: 0.5 });
        expect(power.ofActor(power.actors.find(p => p.actor.name === 'Shop')!.actor)).toMatchObject({ servicesDelivered: 1 });
        // A service delivered by a team of two statutory partners counts once for the sector, once for each partner.
        expect(power.get('statutory').servicesDelivered).toBe(1);
        expect(power.actors.map(p => p.actor.name)).not.toContain('Groups');
    });

    it('knows which actors no arrangement involves, filed with the first arrangement of their file', async () => {
        const { services, arrangement } = await checkWorkspace({
            ...MODEL,
            'actors.joinery': MODEL['actors.joinery'] + ' actor Idle "Idle charity" { sector third }',
            'south.joinery': 'actor Lonely { sector community } arrangement S { partners H } arrangement T { partners C }'
        });
        const { involvement } = services.analysis.IntegrationAnalysis.workspaceModel();
        const names = (name: string) => involvement.uninvolvedFiledWith(arrangement(name)).map(a => a.name);
        // actors.joinery declares no arrangement: its idle actor goes to the workspace's first (north.joinery's N).
        expect(names('N')).toEqual(['Idle']);
        expect(names('S')).toEqual(['Lonely']);
        expect(names('T')).toEqual([]);
        const h = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N')).involvedActors.find(p => p.name === 'H')!;
        expect(involvement.arrangementsOf(h).map(a => a.name)).toEqual(['N', 'S']);
    });

    it('counts every budget equally when one has no amount', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL['actors.joinery'] + `
            arrangement E { forum B { kind board voting H } budget X { from H 100m held by B } budget Y { held by TSI } }`);
        const power = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('E')).powerMap;
        expect(power.budgetsWeighted).toBe(false);
        expect(power.get('statutory').budgetShare).toBe(0.5);
        expect(power.get('third').budgetShare).toBe(0.5);
    });

    it('finds the supported stage next to the claimed one, with what is missing', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL);
        const stage = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N')).stageSupport;
        expect(stage.claimed).toBe('6b');
        // 4 needs a goal owned by a forum where two partners sit (Plan: yes), a planning forum (Plan) and a link (S1 -> S2).
        // 5 needs a team of two partners (Team) and a board where every partner votes (Board). 6b: Pool. 6c: Boss.
        expect(stage.isSupported('6b')).toBe(true);
        expect(stage.isSupported('6a')).toBe(false);
        expect(stage.supportedStage).toBe('6c');
        expect(stage.missingFor('7').map(r => r.description)).toEqual(['partners `merged` into one organisation']);
    });

    it('reports each missing requirement of the chain below a stage', async () => {
        const { services, arrangement } = await checkWorkspace(`actor H { sector statutory } actor C { sector statutory }
            arrangement A { partners H, C stage 4 forum F { kind engagement voting H, C } }`);
        const stage = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('A')).stageSupport;
        expect(stage.supportedStage).toBe('2');
        expect(stage.missingFor('4').map(r => r.stage)).toEqual(['3', '4', '4', '4']);
    });

    it('is computed once per workspace build and recomputed after a change', async () => {
        const { services, arrangement } = await checkWorkspace(MODEL);
        const analysis = services.analysis.IntegrationAnalysis;
        const first = analysis.arrangementModel(arrangement('N'));
        expect(analysis.arrangementModel(arrangement('N'))).toBe(first);
        expect(services.rules.RuleRunner.workspaceFindings()).toEqual(services.rules.RuleRunner.workspaceFindings());
        // Each rule's findings are kept: asking again returns the very same finding objects.
        expect(services.rules.RuleRunner.workspaceFindings()[0]).toBe(services.rules.RuleRunner.workspaceFindings()[0]);
        const uri = URI.file('/workspace/north.joinery');
        const document = services.shared.workspace.LangiumDocuments.getDocument(uri)!;
        // An editor's change: the new text arrives through the text documents.
        services.shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', 2, document.textDocument.getText().replace('voting H 3', 'voting H 5')));
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        const second = analysis.arrangementModel(arrangement('N'));
        expect(second).not.toBe(first);
        expect(second.powerMap.get('statutory').votingSeats).toBe(6);
    });
});
