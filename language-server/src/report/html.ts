import type { ArrangementChange } from './compare.js';
import { changeSection } from './html-compare.js';
import { coverPage, versionAndDate, type SourceFacts } from './html-cover.js';
import { acceptedRisks, findingGroups, findingList, type DocsUri } from './html-findings.js';
import { glanceCards } from './html-glance.js';
import { mapsSection } from './html-maps.js';
import { maturitySection } from './html-maturity.js';
import { anchor, esc } from './html-parts.js';
import { stageAndPower, voiceAndMoneyTables } from './html-tables.js';
import { complianceSection } from './compliance-section.js';
import type { IntegrationProfile, ProfileFinding } from './integration-profile.js';
import type { DrawnMap } from './map-print.js';
import { SECTOR_COLOURS } from './map-paint.js';
import { PRINT_CSS } from './report-print-style.js';
import { REPORT_CSS } from './report-style.js';

export interface HtmlArrangement {
    profile: IntegrationProfile;
    /** The whole map and the views, drawn (map-print.ts). */
    maps: DrawnMap[];
    /** A date from the file, for a model that states none. */
    source?: SourceFacts;
    /** What changed since the last review, when compared. */
    change?: ArrangementChange;
}

export interface HtmlReportInput {
    arrangements: HtmlArrangement[];
    /** Findings that belong to no arrangement (model errors at top level). */
    otherFindings: ProfileFinding[];
    fileCount: number;
    version: string;
    /** The day the report is made (YYYY-MM-DD), for the cover. */
    made?: string;
    /** The earlier model compared with (`--compare`), as the user named it. */
    baseline?: string;
    docsUri: DocsUri;
}

/**
 * One self-contained HTML page that is also an A4 board paper when printed:
 * inline CSS and SVG, no script, no remote resource (its Content-Security-Policy
 * forbids them). Every piece of model text goes through `esc`.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
    const body = input.arrangements.map(arrangement => arrangementSection(arrangement, input)).join('\n');
    const other = input.otherFindings.length
        ? `<section class="arrangement"><h2>Outside any arrangement</h2>${findingList(input.otherFindings, input.docsUri)}</section>` : '';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Joinery integration report</title>
<style>${REPORT_CSS}${sectorStyles()}${PRINT_CSS}</style>
</head>
<body>
${coverPage({ profiles: input.arrangements.map(({ profile, source }) => ({ profile, ...(source ? { source } : {}) })), fileCount: input.fileCount, version: input.version, ...(input.made ? { made: input.made } : {}), ...(input.baseline ? { baseline: input.baseline } : {}) })}
<main>
${body}
${other}
</main>
</body>
</html>
`;
}

/** One arrangement, one call per part (a new part is one more line here). */
function arrangementSection(arrangement: HtmlArrangement, input: HtmlReportInput): string {
    const { profile, maps, source, change } = arrangement;
    const when = versionAndDate(profile, source);
    return `<section class="arrangement" id="${anchor(profile.name)}" data-arrangement="${esc(profile.name)}">
<h2>${esc(profile.title)}</h2>
<p class="muted">arrangement <code>${esc(profile.name)}</code> · ${esc(profile.place)} · model version ${esc(when.version)}, dated ${esc(when.date)}</p>
${glanceCards(profile)}
${changeSection(profile, change, input.baseline, input.docsUri)}
${maturitySection(profile, input.docsUri, change?.before)}
${stageAndPower(profile)}
${voiceAndMoneyTables(profile)}
${complianceSection(profile.compliance)}
${findingGroups(profile.findings, input.docsUri)}
${acceptedRisks(profile, input.docsUri)}
${mapsSection(profile, maps)}
</section>`;
}

/** Sector swatches, and the sector filter's rules: each sector's actors and what they touch (map-scene.ts classes). */
function sectorStyles(): string {
    const swatches = Object.entries(SECTOR_COLOURS).map(([sector, colours]) => `.swatch-${sector} { background: ${colours.solid}; }`);
    const filters = Object.keys(SECTOR_COLOURS).map(sector =>
        `.maps:has(.sector-filter input[value="${sector}"]:checked) svg g.node:not(.touches-${sector}), .maps:has(.sector-filter input[value="${sector}"]:checked) svg g.edge:not(.touches-${sector}) { display: none; }`);
    return [...swatches, ...filters].join('\n');
}
