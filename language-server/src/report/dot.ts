import { DOMAIN_LEVELS, kindLine, type IntegrationGraph, type MapEdge, type MapNode } from './integration-graph.js';
import { visibleText } from '../language/visible-text.js';

/** Graphviz attributes per line kind, matching the map's legend. */
const EDGE_ATTRIBUTES: Record<MapEdge['kind'], string> = {
    voting: 'color="#0f172a" penwidth=2', advisory: 'color="#64748b"', channel: 'color="#2563eb"',
    'reports to': 'color="#334155"', referral: 'color="#7c3aed"', represents: 'color="#94a3b8" style=dotted',
    scrutinises: 'color="#334155"', 'has regard to': 'color="#334155" style=dashed',
    contributes: 'color="#a16207"', holds: 'color="#a16207"', controls: 'color="#a16207"', funds: 'color="#a16207"', directs: 'color="#a16207"',
    staffs: 'color="#cbd5e1"', delivers: 'color="#cbd5e1"', uses: 'color="#cbd5e1"', owns: 'color="#cbd5e1"',
    link: 'color="#0f766e" penwidth=2', unlinked: 'color="#dc2626" style=dashed penwidth=2 arrowhead=none'
};

const SECTOR_FILL: Record<string, string> = {
    government: '#ede9fe', statutory: '#dbeafe', third: '#dcfce7', independent: '#fef3c7', community: '#fce7f3'
};

/**
 * Graphviz DOT: one digraph, a cluster per arrangement, and inside it a cluster
 * per domain level so that `dot` draws macro, meso and micro as bands.
 */
export function renderDot(graphs: IntegrationGraph[]): string {
    // newrank: clusters nested in clusters otherwise fail to rank in some graphs ("trouble in init_rank").
    const lines = ['digraph joinery {', '  rankdir=TB;', '  newrank=true;', '  compound=true;', '  node [shape=box style="rounded,filled" fillcolor="#ffffff" fontname="Helvetica" fontsize=11];', '  edge [fontname="Helvetica" fontsize=9];'];
    graphs.forEach((graph, index) => {
        const id = (node: string) => quote(`${graph.arrangement}/${node}`);
        lines.push(`  subgraph ${quote(`cluster_${graph.arrangement}`)} {`, `    label=${quote(graph.title)};`, '    style=rounded; color="#94a3b8";');
        for (const layer of graph.layers) {
            const nodes = graph.nodes.filter(node => node.layer === layer.level);
            if (nodes.length === 0) continue;
            lines.push(`    subgraph ${quote(`cluster_${graph.arrangement}_${layer.level}`)} {`, `      label=${quote(`${layer.title} (${layer.level})`)};`,
                `      style=filled; fillcolor=${quote(DOMAIN_LEVELS.indexOf(layer.level) === 1 ? '#eef2f7' : '#f8fafc')}; color="#e2e8f0";`);
            for (const node of nodes) lines.push(`      ${id(node.id)} [${nodeAttributes(node)}];`);
            lines.push('    }');
        }
        for (const edge of graph.edges) {
            const label = edge.label ? ` label=${quote(edge.label)}` : '';
            const twoWay = edge.twoWay ? ' dir=both' : '';
            lines.push(`    ${id(edge.from)} -> ${id(edge.to)} [${EDGE_ATTRIBUTES[edge.kind]}${label}${twoWay} tooltip=${quote(edge.description)} class=${quote(edge.kind)}];`);
        }
        lines.push('  }');
        if (index < graphs.length - 1) lines.push('');
    });
    lines.push('}');
    return lines.join('\n') + '\n';
}

function nodeAttributes(node: MapNode): string {
    const label = `${kindLine(node)}\n${node.title}${node.withoutVoice ? '\nno voice at a board' : ''}${node.unlinked ? '\nnot linked' : ''}`;
    const attributes = [`label=${quote(label)}`, `tooltip=${quote(`${node.kind} ${node.name}`)}`];
    if (node.sector) attributes.push(`fillcolor=${quote(SECTOR_FILL[node.sector] ?? '#ffffff')}`);
    if (node.kind === 'budget') attributes.push('fillcolor="#fefce8" color="#a16207"');
    if (node.isBoard) attributes.push('penwidth=3');
    if (node.withoutVoice) attributes.push('color="#dc2626" penwidth=3 fontcolor="#b91c1c"');
    if (node.unlinked) attributes.push('color="#dc2626" style="rounded,filled,dashed" penwidth=2');
    return attributes.join(' ');
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`. */
function quote(text: string): string {
    return `"${visibleText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
