/// <reference lib="dom" />
// Paints a scene the server laid out with DOM calls only (createElementNS,
// setAttribute, textContent), so no model text is ever parsed as markup. The VS
// Code webview and the playground share it.
import type { Scene, SceneItem } from '../../../language-server/src/report/map-scene.js';
import { FONT_FAMILY, PAINT_ATTRIBUTES } from '../../../language-server/src/report/map-paint.js';

const SVG = 'http://www.w3.org/2000/svg';

export function drawScene(scene: Scene): SVGSVGElement {
    const svg = svgElement('svg', {
        xmlns: SVG, viewBox: `0 0 ${scene.width} ${scene.height}`, width: String(scene.width), height: String(scene.height),
        // A group, not an image: its nodes are buttons, and an image's parts are hidden from assistive technology.
        'font-family': FONT_FAMILY, role: 'group', 'aria-label': scene.title, class: 'joinery-map'
    }) as SVGSVGElement;
    const label = svgElement('title', {});
    label.textContent = scene.title;
    const defs = svgElement('defs', {});
    for (const marker of scene.markers) {
        const head = svgElement('marker', { id: marker.id, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
        head.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', fill: marker.colour }));
        defs.append(head);
    }
    svg.append(label, defs, svgElement('rect', { x: '0', y: '0', width: String(scene.width), height: String(scene.height), fill: '#ffffff', class: 'map-background' }));
    for (const item of scene.items) svg.append(drawItem(item));
    return svg;
}

function drawItem(item: SceneItem): SVGElement {
    switch (item.type) {
        case 'rect':
            return painted(svgElement('rect', { x: String(item.x), y: String(item.y), width: String(item.width), height: String(item.height), ...(item.rx ? { rx: String(item.rx) } : {}) }), item);
        case 'text': {
            const text = painted(svgElement('text', { x: String(item.x), y: String(item.y), ...(item.anchor ? { 'text-anchor': item.anchor } : {}) }), item);
            text.textContent = item.text;
            return text;
        }
        case 'path':
            return painted(svgElement('path', {
                d: item.d,
                ...(item.marker ? { 'marker-end': `url(#${item.marker})` } : {}),
                ...(item.markerStart ? { 'marker-start': `url(#${item.markerStart})` } : {})
            }), item);
        case 'group': {
            const group = svgElement('g', { class: item.class });
            if (item.tooltip) {
                const tooltip = svgElement('title', {});
                tooltip.textContent = item.tooltip;
                group.append(tooltip);
            }
            if (item.nodeId) {
                group.dataset.node = item.nodeId;
                group.setAttribute('tabindex', '0');
                group.setAttribute('role', 'button');
            }
            if (item.edgeId) group.dataset.edge = item.edgeId;
            for (const child of item.items) group.append(drawItem(child));
            return group;
        }
    }
}

/** Only known presentation attributes are set: the scene is data, never markup or script. */
function painted(target: SVGElement, item: { class?: string; paint: Record<string, string | undefined> }): SVGElement {
    if (item.class) target.setAttribute('class', item.class);
    for (const name of PAINT_ATTRIBUTES) {
        const value = item.paint[name];
        if (value !== undefined) target.setAttribute(name, value);
    }
    return target;
}

function svgElement(tag: string, attributes: Record<string, string>): SVGElement {
    const created = document.createElementNS(SVG, tag as keyof SVGElementTagNameMap);
    for (const [name, value] of Object.entries(attributes)) if (name !== 'xmlns') created.setAttribute(name, value);
    return created;
}
