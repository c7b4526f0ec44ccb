import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import type { ArrangementModel } from '../../language-server/src/analysis/arrangement-model.js';
import { isActor, isArrangement } from '../../language-server/src/generated/ast.js';
import { buildIntegrationGraph, type MapEdgeKind } from '../../language-server/src/report/integration-graph.js';
import { exampleFolders, loadExample } from './example-models.js';
import { checkWorkspace } from '../support/workspace.js';

/** The node id the graph gives a declaration, worked out here from the AST, independently of the graph code. */
function idOf(node: AstNode, model: ArrangementModel): string {
    const kind = node.$type.toLowerCase();
    const own = isActor(node) ? undefined : AstUtils.getContainerOfType(node, isArrangement);
    const name = (node as unknown as { name: string }).name;
    return `${kind}:${own && own !== model.arrangement ? `${own.name}.${name}` : name}`;
}

/** Every line the map must draw, read straight from the arrangement's declarations. */
function declaredLines(model: ArrangementModel): Array<{ from: string; to: string; kinds: MapEdgeKind[] }> {
    const lines: Array<{ from: string; to: string; kinds: MapEdgeKind[] }> = [];
    const line = (from: AstNode | undefined, to: AstNode | undefined, ...kinds: MapEdgeKind[]) => {
        if (from && to) lines.push({ from: idOf(from, model), to: idOf(to, model), kinds });
    };
    for (const element of model.arrangement.elements) {
        switch (element.$type) {
            case 'Forum':
                element.voting.forEach(seat => line(seat.actor.ref, element, 'voting'));
                element.advisory.forEach(member => line(member.ref, element, 'advisory'));
                line(element, element.reportsTo?.ref, 'reports to');
                // A forum that holds and controls a budget gets one line for both.
                element.controls.forEach(budget => line(element, budget.ref, 'controls', 'holds'));
                break;
            case 'Budget':
                element.contributions.forEach(c => line(c.source.ref, element, 'contributes'));
                line(element.heldBy?.ref, element, 'holds', 'controls');
                element.funds.forEach(recipient => line(element, recipient.ref, 'funds'));
                break;
            case 'System': line(element.owner?.ref, element, 'owns'); break;
            case 'Team':
                element.staff.forEach(member => line(member.ref, element, 'staffs'));
                element.uses.forEach(system => line(element, system.ref, 'uses'));
                break;
            case 'Service': element.deliveredBy.forEach(delivery => line(delivery.deliverer.ref, element, 'delivers')); break;
            case 'Link': line(element.from.ref, element.to.ref, 'link'); break;
            case 'Channel': line(element.from?.ref, element.to?.ref, 'channel'); break;
            case 'Referral': line(element.from?.ref, element.to?.ref, 'referral'); break;
        }
    }
    return lines;
}

describe('the integration graph of every example', async () => {
    for (const folder of exampleFolders()) {
        const { models, findings } = await loadExample(folder);
        for (const model of models) {
            it(`${folder}: ${model.arrangement.name} has every element and every route`, () => {
                const graph = buildIntegrationGraph(model, findings);
                const ids = new Set(graph.nodes.map(node => node.id));
                expect(ids.size).toBe(graph.nodes.length);
                const mapped = [...model.involvedActors, ...model.forums, ...model.budgets, ...model.teams, ...model.services, ...model.systems];
                for (const element of mapped) expect(ids, idOf(element, model)).toContain(idOf(element, model));
                for (const expected of declaredLines(model)) {
                    const found = graph.edges.some(edge => edge.from === expected.from && edge.to === expected.to && expected.kinds.includes(edge.kind));
                    expect(found, `${expected.kinds[0]} ${expected.from} -> ${expected.to}`).toBe(true);
                }
                for (const edge of graph.edges) {
                    expect(ids).toContain(edge.from);
                    expect(ids).toContain(edge.to);
                }
            });

            it(`${folder}: ${model.arrangement.name} marks exactly the actors the no-board-voice rule reports`, () => {
                const graph = buildIntegrationGraph(model, findings);
                const reported = findings.filter(f => f.rule === 'no-board-voice' && f.arrangement === model.arrangement.name).map(f => `actor:${f.element}`).sort();
                expect(graph.nodes.filter(node => node.withoutVoice).map(node => node.id).sort()).toEqual(reported);
                for (const node of graph.nodes.filter(n => n.kind === 'actor')) expect(typeof node.hasVoice).toBe('boolean');
            });

            it(`${folder}: ${model.arrangement.name} puts every finding on an element on that element's node`, () => {
                const graph = buildIntegrationGraph(model, findings);
                const byName = new Map(graph.nodes.map(node => [node.name, node]));
                const onElements = findings.filter(f => f.arrangement === model.arrangement.name && f.element && f.element !== model.arrangement.name && byName.has(f.element));
                for (const finding of onElements) {
                    expect(byName.get(finding.element!)!.findings.map(f => f.message)).toContain(finding.message);
                }
                expect(graph.nodes.reduce((sum, node) => sum + node.findings.length, 0)).toBe(onElements.length);
            });
        }
    }
});

describe('gaps and layers on the map', () => {
    it('draws systems used together without a link as an unlinked pair, and linked ones as a link', async () => {
        const { services, findings, arrangement } = await checkWorkspace(`
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North" {
  partners NHS, Council
  system Trak { owner NHS }
  system Swift { owner Council }
  system Rota { owner NHS }
  link Rota -> Trak
  team Rehab { staff NHS, Council uses Trak, Swift }
  team Nursing { staff NHS uses Trak, Rota }
}`);
        const model = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('North'));
        const graph = buildIntegrationGraph(model, findings);
        const unlinked = graph.edges.filter(edge => edge.kind === 'unlinked');
        expect(unlinked.map(edge => [edge.from, edge.to])).toEqual([['system:Trak', 'system:Swift']]);
        expect(unlinked[0].unlinked).toBe(true);
        expect(graph.nodes.filter(node => node.unlinked).map(node => node.id).sort()).toEqual(['system:Swift', 'system:Trak']);
        expect(graph.edges.filter(edge => edge.kind === 'link').map(edge => [edge.from, edge.to])).toEqual([['system:Rota', 'system:Trak']]);
    });

    it('layers actors by their domain level, else by sector, and elements as in seed 001 Table 1', async () => {
        const { services, findings, arrangement } = await checkWorkspace(`
domain Gov "National government" { level macro }
domain Local "Local system" { level meso }
actor Minister "Minister" { sector government in Gov }
actor Council "Council" { sector statutory }
actor Club "Club" { sector community }
actor TSI "Interface" { sector third in Local }
arrangement A "A" {
  partners Council
  forum Board { kind board voting Council advisory TSI }
  budget Pot { kind grant held by Board funds Lunch }
  team Crew { staff Council }
  service Lunch { delivered by Club }
  channel Council -> Minister { kind reporting }
}`);
        const graph = buildIntegrationGraph(services.analysis.IntegrationAnalysis.arrangementModel(arrangement('A')), findings);
        const layer = (id: string) => graph.nodes.find(node => node.id === id)?.layer;
        expect([layer('actor:Minister'), layer('actor:Council'), layer('actor:TSI'), layer('actor:Club')]).toEqual(['macro', 'meso', 'meso', 'micro']);
        expect([layer('forum:Board'), layer('budget:Pot'), layer('team:Crew'), layer('service:Lunch')]).toEqual(['meso', 'meso', 'micro', 'micro']);
        // A level's title is the domain the map's actors name; Table 1's name where none does.
        expect(graph.layers.map(l => l.title)).toEqual(['National government', 'Local system', 'Community']);
        expect(graph.nodes.find(node => node.id === 'forum:Board')?.isBoard).toBe(true);
    });
});
