import { kindLine, type IntegrationGraph, type MapEdge } from './integration-graph.js';
import { visibleText } from '../language/visible-text.js';

const ARROWS: Record<MapEdge['kind'], string> = {
    voting: '==>', advisory: '-->', channel: '-->', 'reports to': '-->', referral: '-->', represents: '-.->',
    scrutinises: '-->', 'has regard to': '-.->',
    contributes: '-->', holds: '-->', controls: '-->', funds: '-->', directs: '-->', staffs: '-->', delivers: '-->', uses: '-->', owns: '-->',
    link: '---', unlinked: '-.-'
};

/**
 * A Mermaid flowchart: a subgraph per arrangement, and inside it one per domain
 * level, top to bottom. Ids are generated; all model text goes into quoted labels
 * with every character that Mermaid could read as markup written as an entity code.
 */
export function renderMermaid(graphs: IntegrationGraph[]): string {
    const lines = ['flowchart TB'];
    const ids = new Map<string, string>();
    const idOf = (graph: number, node: string) => {
        const key = `${graph}\n${node}`;
        let id = ids.get(key);
        if (!id) ids.set(key, id = `n${ids.size + 1}`);
        return id;
    };
    const classes: string[] = [];
    let edgeIndex = 0;
    const styles: string[] = [];
    graphs.forEach((graph, g) => {
        lines.push(`  subgraph a${g + 1}["${text(graph.title)}"]`, '    direction TB');
        for (const layer of graph.layers) {
            const nodes = graph.nodes.filter(node => node.layer === layer.level);
            if (nodes.length === 0) continue;
            lines.push(`    subgraph a${g + 1}_${layer.level}["${text(`${layer.title} (${layer.level})`)}"]`);
            for (const node of nodes) {
                const notes = [node.withoutVoice ? 'no voice at a board' : '', node.unlinked ? 'not linked' : ''].filter(Boolean);
                const id = idOf(g, node.id);
                lines.push(`      ${id}["${text(kindLine(node))}<br/>${text(node.title)}${notes.map(n => `<br/>${n}`).join('')}"]`);
                if (node.withoutVoice) classes.push(`  class ${id} noVoice`);
                else if (node.unlinked) classes.push(`  class ${id} unlinked`);
                else if (node.sector) classes.push(`  class ${id} ${node.sector}`);
            }
            lines.push('    end');
        }
        for (const edge of graph.edges) {
            const label = edge.label ? `|"${text(edge.label)}"|` : '';
            lines.push(`    ${idOf(g, edge.from)} ${ARROWS[edge.kind]}${label} ${idOf(g, edge.to)}`);
            if (edge.unlinked) styles.push(`  linkStyle ${edgeIndex} stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4`);
            edgeIndex++;
        }
        lines.push('  end');
    });
    lines.push(
        '  classDef noVoice stroke:#dc2626,stroke-width:3px,color:#b91c1c',
        '  classDef unlinked stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4',
        '  classDef government fill:#ede9fe', '  classDef statutory fill:#dbeafe', '  classDef third fill:#dcfce7',
        '  classDef independent fill:#fef3c7', '  classDef community fill:#fce7f3',
        ...classes, ...styles
    );
    return lines.join('\n') + '\n';
}

/** Model text for a quoted Mermaid label: letters, digits and plain punctuation as they are, the rest as `#code;`. */
function text(value: string): string {
    // By code point (the `u` flag): an emoji is one entity, not two halves of a surrogate pair.
    return visibleText(value).replace(/[^A-Za-z0-9 .,:()\-_'/·£€$%+?!]/gu, char => `#${char.codePointAt(0)};`);
}
