/// <reference lib="dom" />
// The Joinery playground: write or paste a model, see its findings inline and in a
// list, hover, completion, quick fixes and the integration map beside it, with
// nothing installed and nothing sent anywhere. The checking is the language
// server's own, running in a worker of this page.
import { workerFromText } from './environment.js';
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import serverScript from 'joinery:server-script';
import examples from 'joinery:examples';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { IntegrationMapView } from '../../language-server/src/server/integration-map-protocol.js';
import { MapPanel } from '../../extension/src/map-view/map-panel.mjs';
import { MAP_CSS } from '../../extension/src/map-view/map-style.js';
import { registerJoineryLanguage } from './colouring.js';
import { JoineryClient, messageText, toRange } from './language-client.js';
import { PAGE_CSS } from './page-style.js';

const MODEL_URI = 'file:///playground/model.joinery';
/** Long enough for a burst of typing to settle into one redraw of the map. */
const MAP_DELAY_MS = 400;

const style = document.createElement('style');
style.textContent = PAGE_CSS + MAP_CSS;
document.head.append(style);

const header = element('header', 'page-header');
const heading = element('h1', 'page-title');
heading.textContent = 'Joinery playground';
const exampleSelect = element('select', 'example-picker') as HTMLSelectElement;
exampleSelect.setAttribute('aria-label', 'Load an example');
exampleSelect.append(option('', 'Load an example…'), ...examples.map(example => option(example.name, example.name)));
const themeSelect = element('select', 'theme-picker') as HTMLSelectElement;
themeSelect.setAttribute('aria-label', 'Theme');
themeSelect.append(option('light', 'Light'), option('dark', 'Dark'), option('high-contrast', 'High contrast'));
const saveButton = element('button', 'save-model');
saveButton.textContent = 'Save model';
const openInput = element('input', 'open-model') as HTMLInputElement;
openInput.type = 'file';
openInput.accept = '.joinery,text/plain';
openInput.setAttribute('aria-label', 'Open a model file');
const state = element('span', 'server-state');
state.setAttribute('role', 'status');
header.append(heading, exampleSelect, openInput, saveButton, themeSelect, state);

const main = element('main', 'page-main');
const editorPane = element('section', 'editor-pane');
const editorHost = element('div', 'editor');
const findingsHeading = element('h2', 'findings-title');
const findingsList = element('ul', 'findings');
editorPane.append(editorHost, findingsHeading, findingsList);
const mapPane = element('section', 'map-pane');
main.append(editorPane, mapPane);
document.body.append(header, main);

registerJoineryLanguage();
const model = monaco.editor.createModel(examples.find(e => e.name === 'hub')?.text ?? '', 'joinery', monaco.Uri.parse(MODEL_URI));
const editor = monaco.editor.create(editorHost, { model, automaticLayout: true, minimap: { enabled: false }, tabSize: 2, insertSpaces: true, fixedOverflowWidgets: true, lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On } });

// For the console and the page's tests: the model's text, and the cursor placed by line and column (1-based).
(window as unknown as { joineryPlayground: unknown }).joineryPlayground = {
    text: () => model.getValue(),
    goTo: (lineNumber: number, column: number) => {
        editor.setPosition({ lineNumber, column });
        editor.focus();
    }
};

let currentMap: IntegrationMapView | undefined;
const map = new MapPanel(mapPane, {
    reveal: nodeId => {
        const location = currentMap?.locations[nodeId];
        if (!location) return;
        const range = toRange(location.range);
        editor.setSelection(range);
        editor.revealRangeInCenter(range);
        editor.focus();
    },
    choose: arrangement => void drawMap({ arrangement }),
    save: file => download(file.name, file.kind === 'svg' ? new Blob([file.data], { type: 'image/svg+xml' }) : dataUrlBlob(file.data)),
    remember: () => undefined
});

const client = new JoineryClient(workerFromText(serverScript, 'joinery-language-server'), editor, MODEL_URI);
state.textContent = 'Starting the checker…';
client.onDiagnostics(diagnostics => {
    showFindings(diagnostics);
    state.textContent = 'Checked';
    scheduleMap();
});
void client.start().then(() => { state.textContent = 'Checking…'; });

let mapTimer: ReturnType<typeof setTimeout> | undefined;
let mapTicket = 0;
function scheduleMap(): void {
    clearTimeout(mapTimer);
    mapTimer = setTimeout(() => void drawMap(currentMap ? { arrangement: currentMap.arrangement } : {}), MAP_DELAY_MS);
}

async function drawMap(params: { arrangement?: string }): Promise<void> {
    const ticket = ++mapTicket;
    const view = await client.integrationMap(params).catch((error: unknown) => {
        map.status(`The map could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    });
    if (ticket !== mapTicket || view === undefined) return;
    if (!view) {
        currentMap = undefined;
        map.status('There is no arrangement in this model yet.');
        return;
    }
    currentMap = view;
    map.show(view);
    mapPane.dataset.drawn = String(Number(mapPane.dataset.drawn ?? 0) + 1);
}

function showFindings(diagnostics: Diagnostic[]): void {
    const counts = [1, 2, 3].map(severity => diagnostics.filter(d => (d.severity ?? 1) === severity).length);
    findingsHeading.textContent = `Findings: ${plural(counts[0], 'error')}, ${plural(counts[1], 'warning')}, ${counts[2]} info`;
    const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    findingsList.replaceChildren(...sorted.map(diagnostic => {
        const item = element('li', `finding severity-${['', 'error', 'warning', 'info', 'info'][diagnostic.severity ?? 1]}`);
        const place = element('span', 'finding-place');
        place.textContent = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
        const message = element('span', 'finding-message');
        message.textContent = messageText(diagnostic);
        const rule = element('span', 'finding-rule');
        rule.textContent = String(diagnostic.code ?? '');
        const link = element('button', 'finding-link');
        link.append(place, message, rule);
        link.addEventListener('click', () => {
            const range = toRange(diagnostic.range);
            editor.setSelection(range);
            editor.revealRangeInCenter(range);
            editor.focus();
        });
        item.append(link);
        return item;
    }));
}

exampleSelect.addEventListener('change', () => {
    const example = examples.find(e => e.name === exampleSelect.value);
    if (example) model.setValue(example.text);
    currentMap = undefined;
});
openInput.addEventListener('change', async () => {
    const file = openInput.files?.[0];
    if (file) model.setValue(await file.text());
    currentMap = undefined;
});
saveButton.addEventListener('click', () => download('model.joinery', new Blob([model.getValue()], { type: 'text/plain' })));
themeSelect.addEventListener('change', () => {
    const theme = themeSelect.value;
    document.body.className = theme === 'dark' ? 'vscode-dark' : theme === 'high-contrast' ? 'vscode-high-contrast' : 'vscode-light';
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : theme === 'high-contrast' ? 'hc-black' : 'vs');
});

/** Saves with the browser's own download: a blob: URL made here, so nothing leaves the page. */
function download(name: string, blob: Blob): void {
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = name;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function dataUrlBlob(dataUrl: string): Blob {
    const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: 'image/png' });
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function element(tag: string, className: string): HTMLElement {
    const created = document.createElement(tag);
    created.className = className;
    return created;
}

function option(value: string, text: string): HTMLOptionElement {
    const created = document.createElement('option');
    created.value = value;
    created.textContent = text;
    return created;
}
