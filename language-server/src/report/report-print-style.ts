/**
 * The report as an A4 board paper: a cover page, page numbers in the margin,
 * every explanation open, nothing cut across pages, and each map on a landscape
 * page of its own at a size people can read (map-print.ts: MAP_PAGE is the map
 * area these margins leave). Chromium prints it as it is (`--format pdf`).
 */
export const PRINT_CSS = `
@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-left { content: "Joinery integration report"; font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #334155; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #334155; }
}
@page map {
  size: A4 landscape;
  margin: 8mm 12mm 12mm;
  @bottom-left { content: "Joinery integration report"; font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #334155; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #334155; }
}
@media print {
  body { font-size: 10pt; line-height: 1.35; }
  .print-only { display: block; }
  .contents, .sector-filter { display: none; }
  .cover { border: 0; background: none; padding: 0; break-after: page; }
  .cover h1 { font-size: 24pt; margin-top: 30mm; }
  .cover-facts { grid-template-columns: 1fr 1fr; }
  .cover-arrangement { break-inside: avoid; margin: 8mm 0; }
  main { padding: 0; }
  .arrangement { break-before: page; border: 0; padding: 0; }
  h2, h3, h4, figcaption, .glance-heading { break-after: avoid; }
  h3 { margin-top: 7mm; }
  .glance { grid-template-columns: 1fr 1fr; gap: 4mm; }
  .columns { display: block; }
  .card, .finding, .accepted-risk, .changed-finding, .rung, tr, .map-findings li, .cover-facts div, .radar, .power figure, .evidence { break-inside: avoid; }
  table { font-size: 9pt; }
  .maturity-table { font-size: 8pt; }
  .maturity-table thead th { text-transform: none; letter-spacing: 0; font-size: 8pt; }
  .maturity-table .c-dimension { width: 16%; } .maturity-table .c-score { width: 8%; } .maturity-table .c-shows { width: 32%; } .maturity-table .c-next { width: 24%; } .maturity-table .c-findings { width: 20%; }
  .maturity-table code { font-size: 7pt; padding: 0; overflow-wrap: normal; }
  .maturity-scores { break-inside: avoid; }
  .maturity-table .evidence { font-size: 7.5pt; }
  thead { display: table-header-group; }
  .card { box-shadow: none; }
  details > summary { list-style: none; font-weight: 600; }
  details > summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  .maturity-layout { display: block; }
  .radar { text-align: center; }
  .maturity-radar { width: 150mm; height: auto; }
  a { color: inherit; }
  .map-page { page: map; break-before: page; margin: 0; }
  .map-page figcaption { font-size: 9pt; margin-bottom: 2mm; }
  .map-scroll { overflow: visible; border: 0; }
  .map svg { min-width: 0; width: auto; height: auto; max-width: 100%; max-height: 176mm; margin: 0 auto; }
  .map-page.too-large { display: none; }
  .map-notes { font-size: 9pt; }
}
`;
