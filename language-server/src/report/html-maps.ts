import { SECTORS } from '../analysis/power-map.js';
import { count, listing } from '../rules/wording.js';
import { code, esc } from './html-parts.js';
import { kindLine, type IntegrationGraph } from './integration-graph.js';
import type { IntegrationProfile } from './integration-profile.js';
import type { DrawnMap } from './map-print.js';
import { sceneToSvg } from './svg.js';

/**
 * The maps of an arrangement: the whole map, then one map per board, the money
 * and the delivery, each split into several maps when it would print too small
 * to read. Under each map, every finding on its nodes as text (a tooltip does
 * nothing on paper), and a sector filter that works without script.
 */
export function mapsSection(profile: IntegrationProfile, maps: readonly DrawnMap[]): string {
    const whole = maps.find(map => map.view.kind === 'whole');
    const note = whole && !whole.fitsPage
        ? `<p class="print-only">The whole map is too large to print legibly on one page; the ${count(maps.length - 1, 'map')} after it show the same arrangement view by view.</p>` : '';
    return `<section class="maps" id="maps-${esc(profile.name)}"><h3>Maps</h3>
<p class="muted">How to read them: each line's kind has its own dash pattern or width (see the key under each map), each actor's card names its sector, and a red border with a ✗ badge marks a gap. The findings on each map's boxes are listed under it.</p>
${sectorFilter(profile.name)}
${note}
${maps.map(map => mapFigure(profile, map)).join('\n')}
</section>`;
}

function sectorFilter(name: string): string {
    const option = (value: string, label: string, checked = false) => {
        const id = `filter-${name}-${value}`;
        return `<span class="filter-option"><input type="radio" name="sector-filter-${esc(name)}" id="${esc(id)}" value="${esc(value)}"${checked ? ' checked' : ''}><label for="${esc(id)}">${esc(label)}</label></span>`;
    };
    return `<fieldset class="sector-filter"><legend>Show on the maps</legend>${option('all', 'every sector', true)}${SECTORS.map(sector => option(sector, `${sector} actors and what they connect to`)).join('')}</fieldset>`;
}

function mapFigure(profile: IntegrationProfile, map: DrawnMap): string {
    const { view } = map;
    const title = `${view.title}${map.parts > 1 ? ` (map ${map.part} of ${map.parts})` : ''}`;
    const classes = ['map', 'map-page', `map-${view.kind}`, map.fitsPage ? '' : 'too-large'].filter(Boolean).join(' ');
    const scene = { ...map.scene, title: `${title}: ${profile.title}` };
    const leftOut = view.leftOut.length && map.part === map.parts
        ? `<p class="left-out"><strong>Not on this map</strong> (involved, with no route to this board): ${esc(listing(view.leftOut))}.</p>` : '';
    return `<figure class="${classes}" data-map="${esc(profile.name)}" data-view="${esc(view.id)}" data-part="${map.part}">
<figcaption><strong>${esc(title)}</strong> <span class="muted">— ${code(view.about)}</span></figcaption>
<div class="map-scroll" tabindex="0" role="region" aria-label="${esc(`${title}, scrollable`)}">${sceneToSvg(scene)}</div>
<div class="map-notes">${leftOut}${findingsOnMap(map.graph)}</div>
</figure>`;
}

/** Every finding on a node of the map, by node, as text. */
function findingsOnMap(graph: IntegrationGraph): string {
    const nodes = graph.nodes.filter(node => node.findings.length > 0);
    if (nodes.length === 0) return '<p class="map-findings none">No finding is on a box of this map.</p>';
    const items = nodes.map(node => `<li data-node="${esc(node.id)}"><strong>${esc(node.title)}</strong> <span class="muted">(${esc(kindLine(node))})</span><ul>`
        + node.findings.map(f => `<li class="${f.severity}"><span class="severity">${f.severity}</span> <span class="rule">${esc(f.rule)}</span>: ${code(f.message)}</li>`).join('')
        + '</ul></li>').join('');
    const total = nodes.reduce((sum, node) => sum + node.findings.length, 0);
    return `<div class="map-findings"><p><strong>Findings on this map's boxes</strong> <span class="muted">· ${count(total, 'finding')} on ${count(nodes.length, 'box', 'boxes')}</span></p><ul>${items}</ul></div>`;
}
