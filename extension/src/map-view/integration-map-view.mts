/// <reference lib="dom" />
// The integration map's webview: paints the scene the server laid out, with DOM
// calls only (createElementNS, setAttribute, textContent), so no model text is
// ever parsed as HTML. Clicking a node asks the extension to reveal its declaration.
import type { IntegrationMapView } from '../../../language-server/src/server/integration-map-protocol.js';
import type { Scene, SceneItem } from '../../../language-server/src/report/map-scene.js';
import { FONT_FAMILY, PAINT_ATTRIBUTES } from '../../../language-server/src/report/map-paint.js';

/** Messages from the extension. */
export type ToMapView = { type: 'map'; view: IntegrationMapView } | { type: 'status'; text: string };
/** Messages to the extension. */
export type FromMapView = { type: 'ready' } | { type: 'reveal'; nodeId: string } | { type: 'choose'; arrangement: string };

declare function acquireVsCodeApi(): { postMessage(message: FromMapView): void };

const SVG = 'http://www.w3.org/2000/svg';
const vscode = acquireVsCodeApi();

const header = element('header', { class: 'map-header' });
const title = element('h1', { class: 'map-title' });
const picker = element('select', { class: 'map-picker', 'aria-label': 'Arrangement' });
const fit = element('button', { class: 'map-fit', type: 'button', 'aria-pressed': 'true' });
fit.textContent = 'Fit to width';
const summary = element('ul', { class: 'map-summary' });
const status = element('p', { class: 'map-status', role: 'status' });
const canvas = element('div', { class: 'map-canvas fit' });
header.append(title, picker, fit);
document.body.append(header, summary, status, canvas);

picker.addEventListener('change', () => vscode.postMessage({ type: 'choose', arrangement: (picker as HTMLSelectElement).value }));
fit.addEventListener('click', () => {
    const fitted = canvas.classList.toggle('fit');
    fit.setAttribute('aria-pressed', String(fitted));
});
canvas.addEventListener('click', event => reveal(event.target));
canvas.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        reveal(event.target);
    }
});

window.addEventListener('message', (event: MessageEvent<ToMapView>) => {
    const message = event.data;
    if (message?.type === 'map') show(message.view);
    else if (message?.type === 'status') status.textContent = message.text;
});
vscode.postMessage({ type: 'ready' });

function show(view: IntegrationMapView): void {
    title.textContent = view.title;
    picker.replaceChildren(...view.arrangements.map(a => {
        const option = element('option', { value: a.name });
        option.textContent = a.title;
        (option as HTMLOptionElement).selected = a.name === view.arrangement;
        return option;
    }));
    const { summary: facts } = view;
    const stage = facts.claimed && facts.claimed !== facts.supported ? `Claims stage ${facts.claimed}; the model supports stage ${facts.supported}` : `Stage ${facts.supported}`;
    summary.replaceChildren(
        fact(stage, facts.claimed !== undefined && facts.claimed !== facts.supported),
        fact(facts.withoutVoice.length ? `No voice at any board: ${facts.withoutVoice.join(', ')}` : 'Every non-statutory actor has a route to a board (a voice, which is not a vote)', facts.withoutVoice.length > 0),
        ...(facts.unlinked.length ? [fact(`Not linked: ${facts.unlinked.join('; ')}`, true)] : []),
        fact(`${counted(facts.findings.error, 'error')}, ${counted(facts.findings.warning, 'warning')}, ${facts.findings.info} info`, facts.findings.error > 0)
    );
    status.textContent = '';
    const scroll = { left: canvas.scrollLeft, top: canvas.scrollTop };
    canvas.replaceChildren(draw(view.scene));
    canvas.scrollLeft = scroll.left;
    canvas.scrollTop = scroll.top;
}

/** "1 error", "2 errors". */
function counted(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function fact(text: string, isGap: boolean): HTMLElement {
    const item = element('li', isGap ? { class: 'gap' } : {});
    item.textContent = text;
    return item;
}

function draw(scene: Scene): SVGSVGElement {
    const svg = svgElement('svg', {
        viewBox: `0 0 ${scene.width} ${scene.height}`, width: String(scene.width), height: String(scene.height),
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
    svg.append(label, defs, svgElement('rect', { x: '0', y: '0', width: String(scene.width), height: String(scene.height), fill: '#ffffff' }));
    for (const item of scene.items) svg.append(drawItem(item));
    return svg;
}

function drawItem(item: SceneItem): SVGElement {
    switch (item.type) {
        case 'rect':
            return painted(svgElement('rect', { x: n(item.x), y: n(item.y), width: n(item.width), height: n(item.height), ...(item.rx ? { rx: n(item.rx) } : {}) }), item);
        case 'text': {
            const text = painted(svgElement('text', { x: n(item.x), y: n(item.y), ...(item.anchor ? { 'text-anchor': item.anchor } : {}) }), item);
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

function reveal(target: EventTarget | null): void {
    const node = target instanceof Element ? target.closest<SVGGElement>('g[data-node]') : null;
    if (node?.dataset.node) vscode.postMessage({ type: 'reveal', nodeId: node.dataset.node });
}

function element(tag: string, attributes: Record<string, string>): HTMLElement {
    const created = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    return created;
}

function svgElement(tag: string, attributes: Record<string, string>): SVGElement {
    const created = document.createElementNS(SVG, tag as keyof SVGElementTagNameMap);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    return created;
}

function n(value: number): string {
    return String(value);
}
