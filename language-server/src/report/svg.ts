import type { Scene, SceneItem } from './map-scene.js';
import { FONT_FAMILY, PAINT_ATTRIBUTES, type Paint } from './map-paint.js';
import { escapeMarkup as esc } from './markup.js';

/** The scene as SVG markup: every model text escaped, every look a presentation attribute (no stylesheet). */
export function sceneToSvg(scene: Scene): string {
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="joinery-map" viewBox="0 0 ${scene.width} ${scene.height}" width="${scene.width}" height="${scene.height}" font-family="${esc(FONT_FAMILY)}" role="img">`,
        `<title>${esc(scene.title)}</title>`,
        '<defs>'
    ];
    for (const marker of scene.markers) {
        parts.push(`<marker id="${esc(marker.id)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`
            + `<path d="M0,0 L10,5 L0,10 z" fill="${esc(marker.colour)}"/></marker>`);
    }
    parts.push('</defs>', `<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`);
    for (const item of scene.items) parts.push(itemToSvg(item));
    parts.push('</svg>');
    return parts.join('\n');
}

function itemToSvg(item: SceneItem): string {
    switch (item.type) {
        case 'rect':
            return `<rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}"${item.rx ? ` rx="${item.rx}"` : ''}${common(item)}/>`;
        case 'text':
            return `<text x="${item.x}" y="${item.y}"${item.anchor ? ` text-anchor="${item.anchor}"` : ''}${common(item)}>${esc(item.text)}</text>`;
        case 'path':
            return `<path d="${esc(item.d)}"${common(item)}`
                + `${item.marker ? ` marker-end="url(#${esc(item.marker)})"` : ''}`
                + `${item.markerStart ? ` marker-start="url(#${esc(item.markerStart)})"` : ''}/>`;
        case 'group': {
            const data = `${item.nodeId ? ` data-node="${esc(item.nodeId)}"` : ''}${item.edgeId ? ` data-edge="${esc(item.edgeId)}"` : ''}`;
            const tooltip = item.tooltip ? `<title>${esc(item.tooltip)}</title>` : '';
            return `<g class="${esc(item.class)}"${data}>${tooltip}${item.items.map(itemToSvg).join('')}</g>`;
        }
    }
}

function common(item: { class?: string; paint: Paint }): string {
    const paint = PAINT_ATTRIBUTES.filter(name => item.paint[name] !== undefined).map(name => ` ${name}="${esc(item.paint[name]!)}"`).join('');
    return `${item.class ? ` class="${esc(item.class)}"` : ''}${paint}`;
}

/** An .svg file: one map, or several one under the other. */
export function renderSvgDocument(scenes: Scene[]): string {
    if (scenes.length === 1) return `<?xml version="1.0" encoding="UTF-8"?>\n${sceneToSvg(scenes[0])}\n`;
    const width = scenes.reduce((widest, scene) => Math.max(widest, scene.width), 0);
    const height = scenes.reduce((sum, scene) => sum + scene.height, 0);
    let y = 0;
    const placed = scenes.map(scene => {
        const svg = sceneToSvg(scene).replace('<svg xmlns="http://www.w3.org/2000/svg" ', `<svg x="0" y="${y}" `);
        y += scene.height;
        return svg;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
${placed.join('\n')}
</svg>
`;
}
