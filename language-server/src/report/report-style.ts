/** The HTML report's look on screen (the map's own look is in map-paint.ts, print in report-print-style.ts). System fonts only: nothing to download. */
export const REPORT_CSS = `
:root { --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --gap: #b91c1c; --ok: #15803d; --panel: #f8fafc; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
.cover { padding: 20px 32px 12px; border-bottom: 1px solid var(--line); background: var(--panel); }
.cover h1 { margin: 0 0 4px; font-size: 26px; }
.kicker { margin: 0; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.cover-arrangement { margin: 14px 0; }
.cover-title { font-size: 19px; margin: 0 0 6px; }
.cover-facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 6px 18px; margin: 0; }
.cover-facts div { border-top: 1px solid var(--line); padding-top: 4px; }
.cover-facts dt { font-size: 12px; color: var(--muted); }
.cover-facts dd { margin: 0; font-weight: 600; }
.cover-facts dd .muted { font-weight: 400; }
.contents ul { margin: 8px 0 0; padding-left: 18px; }
.print-only { display: none; }
main { padding: 0 32px 40px; }
.arrangement { border-bottom: 3px solid var(--line); padding: 20px 0 28px; }
.arrangement h2 { margin: 0; font-size: 22px; }
h3 { margin: 26px 0 8px; font-size: 17px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.muted { color: var(--muted); }
.gap { color: var(--gap); }
.ok { color: var(--ok); }
code { font: 13px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f1f5f9; padding: 0 3px; border-radius: 3px; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 14px; margin-top: 14px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff; box-shadow: 0 1px 2px rgba(15, 23, 42, .06); }
.card ul { margin: 6px 0 0; padding-left: 18px; }
.card li { margin: 2px 0; }
.headline { font-size: 18px; font-weight: 700; margin: 0 0 4px; line-height: 1.3; }
.figure { font-variant-numeric: tabular-nums; font-weight: 600; }
.glance-heading { border: 0; margin-bottom: 0; }
.map { margin: 18px 0 0; }
.map figcaption { margin: 0 0 6px; }
.map-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.map-scroll:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.map svg { display: block; max-width: 100%; height: auto; min-width: 900px; }
.map-notes { font-size: 13px; }
.map-findings ul { margin: 4px 0; padding-left: 18px; }
.map-findings li li { list-style: none; margin-left: -18px; }
.map-findings .severity { min-width: 0; margin-right: 4px; }
.left-out { margin: 6px 0; }
.sector-filter { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px 8px; margin: 10px 0; }
.sector-filter legend { font-weight: 600; padding: 0 4px; }
.filter-option { display: inline-block; margin: 2px 14px 2px 0; }
.filter-option input { margin-right: 4px; }
.filter-option input:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.maturity-layout { display: grid; grid-template-columns: minmax(320px, 640px) minmax(300px, 460px); gap: 24px; align-items: start; }
.maturity-scores { font-size: 14px; }
.maturity-radar { max-width: 100%; height: auto; }
.radar-axis { font-size: 12.5px; fill: #0f172a; }
.radar-axis.not-shown { fill: #475569; font-style: italic; }
.radar-level { font-size: 10.5px; fill: #475569; }
.radar-legend { font-size: 12px; fill: #334155; }
.maturity-table { font-size: 13px; table-layout: fixed; }
.maturity-table .c-dimension { width: 13%; } .maturity-table .c-score { width: 8%; } .maturity-table .c-shows { width: 37%; } .maturity-table .c-next { width: 26%; } .maturity-table .c-findings { width: 16%; }
.maturity-table td, .maturity-table th { overflow-wrap: break-word; }
.maturity-table code { overflow-wrap: anywhere; }
.maturity-table ul { margin: 0; padding-left: 0; list-style: none; }
.maturity-table p { margin: 0 0 2px; }
.maturity-table .score { white-space: nowrap; }
/* "not shown by the model" is words, not a score: it wraps rather than run into the next column. */
.maturity-table .score.not-shown { white-space: normal; }
.evidence { color: var(--muted); font-size: 12px; }
.accepted-risk { border-left: 4px dashed #94a3b8; padding: 6px 10px; margin: 6px 0; background: var(--panel); border-radius: 0 6px 6px 0; }
.reason { margin: 4px 0 0; font-size: 13px; }
.changed-findings { list-style: none; padding: 0; margin: 0; }
.changed-finding { border-left: 4px solid #94a3b8; padding: 6px 10px; margin: 6px 0; background: var(--panel); }
.changed-findings.closed .changed-finding { border-left-style: dotted; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 28px; }
.stage-ladder { list-style: none; margin: 0; padding: 0; }
.rung { border-left: 6px solid #cbd5e1; padding: 4px 10px; margin: 0 0 4px; background: var(--panel); border-radius: 0 6px 6px 0; }
.rung.supported { border-left-color: var(--ok); background: #f0fdf4; }
.rung.claimed.unsupported { border-left-color: var(--gap); background: #fef2f2; }
.rung-head { font-weight: 600; }
.stage-id { display: inline-block; min-width: 2.2em; font-variant-numeric: tabular-nums; }
.rung ul { list-style: none; margin: 2px 0 0; padding-left: 2.2em; font-size: 13px; }
.rung .met { color: var(--ok); }
.rung .unmet { color: var(--gap); }
.rung.unsupported:not(.claimed) .unmet { color: var(--muted); }
.tag { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 0 6px; border-radius: 9px; margin-left: 4px; color: #fff; }
.reached-tag { background: var(--ok); }
.gap-tag { background: var(--gap); }
.ok-tag { background: #0f766e; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--line); }
.power-table td { font-variant-numeric: tabular-nums; }
.gap-row th { color: var(--gap); }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.power-chart { max-width: 100%; height: auto; font-family: inherit; }
.chart-label { font-size: 12px; fill: #334155; }
.chart-value { font-size: 11px; font-weight: 700; fill: #fff; }
.chart-empty { font-size: 11px; fill: #64748b; }
.chart-legend { font-size: 11px; fill: #334155; }
figure { margin: 10px 0 0; }
.finding-group h4 { margin-top: 16px; text-transform: none; letter-spacing: 0; font-size: 15px; color: var(--ink); }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { border-left: 4px solid #94a3b8; padding: 6px 10px; margin: 6px 0; background: var(--panel); border-radius: 0 6px 6px 0; }
.finding.error { border-left-color: #dc2626; }
.finding.warning { border-left-color: #d97706; }
.finding.info { border-left-color: #2563eb; }
.severity { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; min-width: 5.5em; }
.finding.error .severity { color: #dc2626; } .finding.warning .severity { color: #b45309; } .finding.info .severity { color: #2563eb; }
.finding-meta { font-size: 12px; color: var(--muted); margin-top: 2px; }
.finding details { font-size: 13px; margin-top: 4px; }
.finding details p { margin: 4px 0; }
summary:focus-visible, a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
@media (max-width: 1000px) { .maturity-layout { grid-template-columns: 1fr; } }
`;
