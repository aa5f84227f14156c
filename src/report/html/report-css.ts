// The report's only stylesheet, inlined: the file must read the same offline, from a mail
// attachment or a CI artifact, with no font, script or image fetched.
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #59636e; --faint: #d1d9e0; --paper: #ffffff; --panel: #f6f8fa;
  --ok: #1a7f37; --moved: #0969da; --human: #bf8700; --failing: #cf222e; --skipped: #afb8c1;
  --s0: #8250df; --s1: #0969da; --s2: #bc4c00; --s3: #1a7f37; --s4: #bf3989;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
}
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 40px; }
a { color: var(--moved); text-decoration: none; overflow-wrap: anywhere; }
a:hover { text-decoration: underline; }
h1 { font-size: 26px; margin: 0; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--faint); }
h3 { font-size: 15px; margin: 22px 0 8px; }
.byline { color: var(--muted); margin: 4px 0 0; }
.catalog { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
.banner { margin: 18px 0 0; padding: 10px 14px; border-radius: 6px; background: #fff8c5; border: 1px solid #d4a72c; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 22px 0 0; }
.card { border: 1px solid var(--faint); border-radius: 8px; padding: 12px 14px; background: var(--panel); }
.card .value { font-size: 26px; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 13px; }
.card.failing .value { color: var(--failing); } .card.human .value { color: var(--human); }
.card.moved .value { color: var(--moved); } .card.ok .value { color: var(--ok); }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
.legend li::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; background: var(--swatch); }
svg.chart { width: 100%; height: auto; display: block; overflow: visible; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans", sans-serif; fill: var(--muted); }
svg .axis-title { font-weight: 600; }
svg .grid { stroke: var(--faint); stroke-width: 1; } svg .grid.zero { stroke: var(--skipped); }
.availability .share-line { fill: none; stroke: var(--ok); stroke-width: 2.2; stroke-linejoin: round; }
.availability .last-share { fill: var(--ok); font-weight: 650; font-size: 12px; }
.availability .point { fill: var(--paper); stroke: var(--ok); stroke-width: 2; }
.availability .hover { fill: var(--ink); fill-opacity: 0; }
.availability .run:hover .hover { fill-opacity: 0.05; }
.availability .offline { fill: url(#offline-hatch); }
.availability .hatch-bg { fill: var(--panel); } .availability .hatch { stroke: var(--skipped); stroke-width: 2; }
.tone-ok { fill: var(--ok); --swatch: var(--ok); } .tone-moved { fill: var(--moved); --swatch: var(--moved); }
.tone-human { fill: var(--human); --swatch: var(--human); } .tone-failing { fill: var(--failing); --swatch: var(--failing); }
.tone-skipped { fill: var(--skipped); --swatch: var(--skipped); }
.changes { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 28px; }
.changes ul { margin: 0; padding-left: 18px; } .changes li { margin: 3px 0; }
.none { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--faint); padding: 6px 8px; white-space: nowrap; }
td { border-bottom: 1px solid #eaeef2; padding: 7px 8px; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.place { color: var(--muted); font-size: 12px; }
.verdict { font-weight: 600; } .verdict.failing { color: var(--failing); } .verdict.human { color: var(--human); } .verdict.moved { color: var(--moved); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 10px; background: var(--failing); color: #fff; margin-left: 4px; }
.reason { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.streak { color: var(--muted); font-size: 12px; display: block; }
svg.strip { display: block; margin-top: 3px; max-width: 100%; height: auto; }
table.problems { table-layout: fixed; }
col.c-entry { width: 19%; } col.c-link { width: 21%; } col.c-verdict { width: 25%; } col.c-history { width: 17%; } col.c-suggestion { width: 18%; }
.up { color: var(--ok); } .down { color: var(--failing); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 36px; margin-bottom: 8px; }
.popularity .series polyline { fill: none; stroke-width: 2.2; stroke-linejoin: round; }
.popularity .series.muted polyline { stroke: var(--faint); stroke-width: 1.2; } .popularity .series.muted circle { fill: var(--skipped); }
${[0, 1, 2, 3, 4].map((i) => `.popularity .s${i} polyline { stroke: var(--s${i}); } .popularity .s${i} circle, .popularity text.s${i} { fill: var(--s${i}); }`).join('\n')}
.popularity text.end-label { font-weight: 600; font-size: 11.5px; }
svg.sparkline polyline { fill: none; stroke: var(--moved); stroke-width: 1.5; } svg.sparkline circle { fill: var(--moved); }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--faint); padding-top: 10px; }
@media (max-width: 720px) { main { padding: 18px 14px; } .changes, .charts { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  figure, tr, .card, .changes > div { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  .cards { grid-template-columns: repeat(5, 1fr); gap: 8px; } .card .value { font-size: 20px; }
  a { color: inherit; }
  .availability .hover { display: none; }
}
`;
