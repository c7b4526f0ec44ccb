/// <reference lib="dom" />
// The integration map as an analyst works with it: zoom and pan (wheel, drag,
// buttons, keys), fit, filters, export, and a click that reveals a declaration.
// The VS Code webview (integration-map-view.mts) and the playground host it; the
// host says where a click, a choice or an export goes.
import type { IntegrationMapView } from '../../../language-server/src/server/integration-map-protocol.js';
import { drawScene } from './map-drawing.mjs';
import { count, visibleParts, type MapFilter } from './map-filters.mjs';

export interface MapHost {
    reveal(nodeId: string): void;
    choose(arrangement: string): void;
    /** An export: SVG text, or a PNG as a data: URL. */
    save(file: { name: string; kind: 'svg' | 'png'; data: string }): void;
    /** The zoom and filters changed: what to restore after a reload. */
    remember(state: MapPanelState): void;
}

export interface MapPanelState {
    arrangement?: string;
    /** Scene units per screen pixel inverted: 1 is the scene's own size. */
    scale: number;
    /** The scene point at the canvas's top left corner. */
    x: number;
    y: number;
    fitted: boolean;
    filter: MapFilter;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
const ZOOM_STEP = 1.25;
/** A pointer that moved less than this between press and release clicked rather than dragged. */
const DRAG_PIXELS = 4;

export class MapPanel {
    private readonly title = element('h1', { class: 'map-title' });
    private readonly picker = element('select', { class: 'map-picker', 'aria-label': 'Arrangement' }) as HTMLSelectElement;
    private readonly boards = element('select', { class: 'map-filter-board', 'aria-label': 'Show one board' }) as HTMLSelectElement;
    private readonly sectors = element('select', { class: 'map-filter-sector', 'aria-label': 'Show one sector' }) as HTMLSelectElement;
    private readonly hideSystems = element('input', { type: 'checkbox', class: 'map-hide-systems' }) as HTMLInputElement;
    private readonly summary = element('ul', { class: 'map-summary' });
    private readonly statusLine = element('p', { class: 'map-status', role: 'status' });
    private readonly canvas = element('div', { class: 'map-canvas', tabindex: '0', 'aria-label': 'Integration map: arrows pan, + and - zoom, 0 fits' });
    private view: IntegrationMapView | undefined;
    private svg: SVGSVGElement | undefined;
    private state: MapPanelState = { scale: 1, x: 0, y: 0, fitted: true, filter: {} };

    constructor(root: HTMLElement, private readonly host: MapHost, restored?: MapPanelState) {
        if (restored) this.restore(restored);
        const header = element('header', { class: 'map-header' });
        const zoom = element('div', { class: 'map-toolbar', role: 'toolbar', 'aria-label': 'Zoom' });
        zoom.append(
            button('−', 'Zoom out (-)', 'map-zoom-out', () => this.zoomBy(1 / ZOOM_STEP)),
            button('+', 'Zoom in (+)', 'map-zoom-in', () => this.zoomBy(ZOOM_STEP)),
            button('Fit', 'Fit the map to the panel (0)', 'map-fit', () => this.fit()),
            button('100%', 'Zoom to 100%, the actual size (1)', 'map-actual', () => this.zoomTo(1))
        );
        const filters = element('div', { class: 'map-toolbar', role: 'group', 'aria-label': 'Filters' });
        const hide = element('label', { class: 'map-hide-label' });
        hide.append(this.hideSystems, document.createTextNode(' Hide systems'));
        filters.append(this.boards, this.sectors, hide);
        const exports = element('div', { class: 'map-toolbar', role: 'group', 'aria-label': 'Export' });
        exports.append(button('SVG', 'Export the map as SVG', 'map-export-svg', () => this.exportSvg()), button('PNG', 'Export the map as PNG', 'map-export-png', () => void this.exportPng()));
        header.append(this.title, this.picker, zoom, filters, exports);
        root.append(header, this.summary, this.statusLine, this.canvas);

        this.picker.addEventListener('change', () => host.choose(this.picker.value));
        this.boards.addEventListener('change', () => this.setFilter({ board: this.boards.value || undefined }));
        this.sectors.addEventListener('change', () => this.setFilter({ sector: this.sectors.value || undefined }));
        this.hideSystems.addEventListener('change', () => this.setFilter({ hideSystems: this.hideSystems.checked }));
        this.listenToPointer();
        this.canvas.addEventListener('keydown', event => this.key(event));
        new ResizeObserver(() => { if (this.state.fitted) this.fit(); else this.applyViewBox(); }).observe(this.canvas);
    }

    show(view: IntegrationMapView): void {
        const sameArrangement = this.view ? this.view.arrangement === view.arrangement : this.state.arrangement === view.arrangement;
        this.view = view;
        this.title.textContent = view.title;
        this.picker.replaceChildren(...view.arrangements.map(a => option(a.name, a.title, a.name === view.arrangement)));
        if (!sameArrangement) this.state = { ...this.state, fitted: true, filter: { hideSystems: this.state.filter.hideSystems } };
        this.state.arrangement = view.arrangement;
        this.fillFilters(view);
        this.summary.replaceChildren(...summaryOf(view));
        this.statusLine.textContent = '';
        this.svg = drawScene(view.scene);
        this.svg.setAttribute('width', '100%');
        this.svg.setAttribute('height', '100%');
        this.canvas.replaceChildren(this.svg);
        this.applyFilter();
        if (this.state.fitted) this.fit(); else this.applyViewBox();
    }

    /** Comes back to a state kept earlier (arrangement, zoom, filters), before the next map is shown. */
    restore(restored: MapPanelState): void {
        this.state = { ...this.state, ...restored, filter: { ...restored.filter } };
    }

    status(text: string): void {
        this.statusLine.textContent = text;
    }

    private fillFilters(view: IntegrationMapView): void {
        const { filter } = this.state;
        const boards = view.graph.nodes.filter(node => node.isBoard);
        if (filter.board && !boards.some(b => b.id === filter.board)) delete filter.board;
        this.boards.replaceChildren(option('', 'All boards', !filter.board), ...boards.map(b => option(b.id, `Board: ${b.title}`, b.id === filter.board)));
        const sectors = [...new Set(view.graph.nodes.filter(n => n.kind === 'actor' && n.sector).map(n => n.sector!))].sort();
        if (filter.sector && !sectors.includes(filter.sector)) delete filter.sector;
        this.sectors.replaceChildren(option('', 'All sectors', !filter.sector), ...sectors.map(s => option(s, `Routes of the ${s} sector`, s === filter.sector)));
        this.hideSystems.checked = filter.hideSystems === true;
    }

    private setFilter(change: MapFilter): void {
        this.state.filter = { ...this.state.filter, ...change };
        this.applyFilter();
        this.remember();
    }

    private applyFilter(): void {
        if (!this.view || !this.svg) return;
        const { nodes, edges } = visibleParts(this.view.graph, this.state.filter);
        for (const group of Array.from(this.svg.querySelectorAll<SVGGElement>('g[data-node]'))) group.classList.toggle('map-hidden', !nodes.has(group.dataset.node!));
        for (const group of Array.from(this.svg.querySelectorAll<SVGGElement>('g[data-edge]'))) group.classList.toggle('map-hidden', !edges.has(group.dataset.edge!));
        const filtered = this.state.filter.board || this.state.filter.sector || this.state.filter.hideSystems;
        this.canvas.dataset.filtered = filtered ? 'true' : 'false';
        this.canvas.dataset.shownNodes = String(nodes.size);
    }

    // Zoom and pan: the svg fills the canvas, and its viewBox is the part of the scene in sight.

    private fit(): void {
        const scene = this.view?.scene;
        const { width, height } = this.canvasSize();
        if (!scene || width === 0 || height === 0) return;
        const scale = clamp(Math.min(width / scene.width, height / scene.height));
        this.state = { ...this.state, scale, x: (scene.width - width / scale) / 2, y: (scene.height - height / scale) / 2, fitted: true };
        this.applyViewBox();
        this.remember();
    }

    private zoomTo(scale: number, at?: { x: number; y: number }): void {
        const { width, height } = this.canvasSize();
        const point = at ?? { x: width / 2, y: height / 2 };
        const next = clamp(scale);
        const sceneX = this.state.x + point.x / this.state.scale;
        const sceneY = this.state.y + point.y / this.state.scale;
        this.state = { ...this.state, scale: next, x: sceneX - point.x / next, y: sceneY - point.y / next, fitted: false };
        this.applyViewBox();
        this.remember();
    }

    private zoomBy(factor: number, at?: { x: number; y: number }): void {
        this.zoomTo(this.state.scale * factor, at);
    }

    private panBy(dx: number, dy: number): void {
        this.state = { ...this.state, x: this.state.x - dx / this.state.scale, y: this.state.y - dy / this.state.scale, fitted: false };
        this.applyViewBox();
    }

    private applyViewBox(): void {
        const { width, height } = this.canvasSize();
        if (!this.svg || width === 0 || height === 0) return;
        const { scale, x, y } = this.state;
        this.svg.setAttribute('viewBox', `${round(x)} ${round(y)} ${round(width / scale)} ${round(height / scale)}`);
        this.canvas.dataset.scale = String(round(scale));
    }

    private canvasSize(): { width: number; height: number } {
        return { width: this.canvas.clientWidth, height: this.canvas.clientHeight };
    }

    private listenToPointer(): void {
        let press: { x: number; y: number; lastX: number; lastY: number; dragged: boolean } | undefined;
        this.canvas.addEventListener('wheel', event => {
            event.preventDefault();
            const box = this.canvas.getBoundingClientRect();
            this.zoomBy(Math.exp(-event.deltaY * 0.0015), { x: event.clientX - box.left, y: event.clientY - box.top });
        }, { passive: false });
        this.canvas.addEventListener('pointerdown', event => {
            if (event.button !== 0) return;
            press = { x: event.clientX, y: event.clientY, lastX: event.clientX, lastY: event.clientY, dragged: false };
        });
        this.canvas.addEventListener('pointermove', event => {
            if (!press) return;
            if (!press.dragged && Math.hypot(event.clientX - press.x, event.clientY - press.y) >= DRAG_PIXELS) {
                press.dragged = true;
                this.canvas.setPointerCapture(event.pointerId);
                this.canvas.classList.add('panning');
            }
            if (press.dragged) this.panBy(event.clientX - press.lastX, event.clientY - press.lastY);
            press.lastX = event.clientX;
            press.lastY = event.clientY;
        });
        const release = (event: PointerEvent) => {
            if (press?.dragged) {
                this.canvas.classList.remove('panning');
                this.remember();
            } else if (press && event.type === 'pointerup') {
                this.reveal(event.target);
            }
            press = undefined;
        };
        this.canvas.addEventListener('pointerup', release);
        this.canvas.addEventListener('pointercancel', release);
    }

    private key(event: KeyboardEvent): void {
        const pan = 60;
        const actions: Record<string, () => void> = {
            '+': () => this.zoomBy(ZOOM_STEP), '=': () => this.zoomBy(ZOOM_STEP), '-': () => this.zoomBy(1 / ZOOM_STEP),
            '0': () => this.fit(), '1': () => this.zoomTo(1),
            ArrowLeft: () => this.panBy(pan, 0), ArrowRight: () => this.panBy(-pan, 0), ArrowUp: () => this.panBy(0, pan), ArrowDown: () => this.panBy(0, -pan),
            Enter: () => this.reveal(event.target), ' ': () => this.reveal(event.target)
        };
        const action = actions[event.key];
        if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
        event.preventDefault();
        action();
        if (event.key.startsWith('Arrow')) this.remember();
    }

    private reveal(target: EventTarget | null): void {
        const node = target instanceof Element ? target.closest<SVGGElement>('g[data-node]') : null;
        if (node?.dataset.node) this.host.reveal(node.dataset.node);
    }

    private remember(): void {
        this.host.remember({ ...this.state, filter: { ...this.state.filter } });
    }

    // Export: the map as drawn for paper (the report's light palette), with the filters applied.

    private exportSvg(): void {
        const text = this.exportedSvg();
        if (text) this.host.save({ name: `${this.view!.arrangement}-map.svg`, kind: 'svg', data: text });
    }

    private async exportPng(): Promise<void> {
        const text = this.exportedSvg();
        if (!text || !this.view) return;
        const { width, height } = this.view.scene;
        const image = new Image();
        image.src = `data:image/svg+xml;base64,${base64(text)}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width * 2;
        canvas.height = height * 2;
        const context = canvas.getContext('2d')!;
        context.scale(2, 2);
        context.drawImage(image, 0, 0, width, height);
        this.host.save({ name: `${this.view.arrangement}-map.png`, kind: 'png', data: canvas.toDataURL('image/png') });
    }

    private exportedSvg(): string | undefined {
        if (!this.view || !this.svg) return undefined;
        const copy = this.svg.cloneNode(true) as SVGSVGElement;
        for (const hidden of Array.from(copy.querySelectorAll('.map-hidden'))) hidden.remove();
        const { width, height } = this.view.scene;
        copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
        copy.setAttribute('width', String(width));
        copy.setAttribute('height', String(height));
        copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
        return new XMLSerializer().serializeToString(copy);
    }
}

function summaryOf(view: IntegrationMapView): HTMLElement[] {
    const { summary: facts } = view;
    const stage = facts.claimed && facts.claimed !== facts.supported
        ? `Claims stage ${facts.claimed}; the model supports stage ${facts.supported}` : `Stage ${facts.supported}`;
    const { error, warning, info } = facts.findings;
    return [
        fact(stage, facts.claimUnsupported),
        fact(facts.withoutVoice.length ? `No voice at any board: ${facts.withoutVoice.join(', ')}` : 'Every non-statutory actor has a route to a board (a voice, which is not a vote)', facts.withoutVoice.length > 0),
        ...(facts.unlinked.length ? [fact(`Not linked: ${facts.unlinked.join('; ')}`, true)] : []),
        fact(`${count(error, 'error')}, ${count(warning, 'warning')}, ${info} info`, error > 0)
    ];
}

function fact(text: string, isGap: boolean): HTMLElement {
    const item = element('li', isGap ? { class: 'gap' } : {});
    item.textContent = text;
    return item;
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
    const created = element('option', { value }) as HTMLOptionElement;
    created.textContent = text;
    created.selected = selected;
    return created;
}

function button(text: string, title: string, className: string, action: () => void): HTMLElement {
    const created = element('button', { type: 'button', class: `map-button ${className}`, title, 'aria-label': title });
    created.textContent = text;
    created.addEventListener('click', action);
    return created;
}

function element(tag: string, attributes: Record<string, string>): HTMLElement {
    const created = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    return created;
}

function clamp(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

function round(value: number): number {
    return Math.round(value * 1000) / 1000;
}

/** UTF-8 text as base64 (titles may hold any character; btoa takes bytes). */
function base64(text: string): string {
    let binary = '';
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
}
