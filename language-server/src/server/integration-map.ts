import { AstUtils, CstUtils, DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { collectFindings } from '../checking/collect.js';
import type { Finding } from '../findings/finding.js';
import { isActor, type Model } from '../generated/ast.js';
import { projectServices, servicesOfModel } from '../joinery-module.js';
import { buildIntegrationGraph } from '../report/integration-graph.js';
import type { IntegrationGraph } from '../report/integration-graph.js';
import type { MapLayout } from '../report/map-layout.js';
import { drawMap } from '../report/map-scene.js';
import { IntegrationMapRequest, type IntegrationMapParams, type IntegrationMapView } from './integration-map-protocol.js';

/** How the server lays a map out: on a layout thread in Node (report/map-worker.ts), in place in a web worker. */
export type MapLayouter = (graph: IntegrationGraph) => Promise<MapLayout>;

/**
 * `joinery/integrationMap`: the arrangement under the cursor (or the one named),
 * drawn from the current build's integration model and findings, laid out here
 * so that the editor's map view only has to paint it.
 */
export function addIntegrationMapHandler(connection: Connection, shared: LangiumSharedServices, layOut: MapLayouter): void {
    connection.onRequest(IntegrationMapRequest, async (params, token): Promise<IntegrationMapView | null> => {
        await shared.workspace.WorkspaceManager.ready;
        // Let edits that arrived before this request start their build, then wait for it.
        await shared.workspace.WorkspaceLock.read(() => undefined);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        // The document's project: its arrangements are the ones the map can show.
        const joinery = documentProject(shared, params.textDocument.uri);
        const settings = joinery.findings.EditorRuleSettings;
        const models = joinery.analysis.IntegrationAnalysis.allArrangementModels();
        const model = chooseArrangement(models, params, shared);
        if (!model) return null;
        return integrationMapView(model, models, collectFindings(joinery, settings.current()), layOut);
    });
}

/** The map of one arrangement, laid out and drawn, with what the view says beside it. */
export async function integrationMapView(model: ArrangementModel, models: ArrangementModel[], findings: readonly Finding[], layOut: MapLayouter): Promise<IntegrationMapView> {
    const graph = buildIntegrationGraph(model, findings);
    const scene = drawMap(await layOut(graph), 'map');
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) if (finding.arrangement === model.arrangement.name) counts[finding.severity]++;
    const titleOfNode = new Map(graph.nodes.map(node => [node.id, node.title]));
    return {
        arrangement: model.arrangement.name,
        title: model.title,
        arrangements: models.map(m => ({ name: m.arrangement.name, title: m.title })),
        scene,
        graph: {
            nodes: graph.nodes.map(node => ({ id: node.id, kind: node.kind, title: node.title, ...(node.sector ? { sector: node.sector } : {}), ...(node.isBoard ? { isBoard: true } : {}) })),
            edges: graph.edges.map(edge => ({ id: edge.id, from: edge.from, to: edge.to, kind: edge.kind }))
        },
        locations: Object.fromEntries(graph.nodes.map(node => [node.id, node.location])),
        summary: {
            ...(model.stageSupport.claimed ? { claimed: model.stageSupport.claimed } : {}),
            supported: model.stageSupport.supportedStage,
            claimUnsupported: model.stageSupport.claimed !== undefined && !model.stageSupport.isSupported(model.stageSupport.claimed),
            withoutVoice: graph.nodes.filter(node => node.withoutVoice).map(node => node.title),
            unlinked: graph.edges.filter(edge => edge.unlinked).map(edge => `${titleOfNode.get(edge.from)} and ${titleOfNode.get(edge.to)}`),
            findings: counts
        }
    };
}

function documentProject(shared: LangiumSharedServices, uri: string) {
    try {
        return servicesOfModel(shared, URI.parse(uri));
    } catch {
        return projectServices(shared)[0];
    }
}

/** The named arrangement; else the one around the cursor, or one the actor under it takes part in; else the document's first. */
function chooseArrangement(models: ArrangementModel[], params: IntegrationMapParams, shared: LangiumSharedServices): ArrangementModel | undefined {
    if (params.arrangement !== undefined) {
        const named = models.find(m => m.arrangement.name === params.arrangement);
        if (named) return named;
    }
    const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.textDocument.uri));
    if (document && params.position) {
        const offset = document.textDocument.offsetAt(params.position);
        const around = models.find(m => {
            const cst = m.arrangement.$cstNode;
            return AstUtils.getDocument(m.arrangement) === document && cst !== undefined && cst.offset <= offset && offset <= cst.end;
        });
        if (around) return around;
        const root = (document.parseResult.value as Model).$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
        const actor = leaf && AstUtils.getContainerOfType(leaf.astNode, isActor);
        const involving = actor && models.find(m => m.involvedActors.includes(actor));
        if (involving) return involving;
    }
    return models.find(m => AstUtils.getDocument(m.arrangement) === document) ?? models[0];
}

