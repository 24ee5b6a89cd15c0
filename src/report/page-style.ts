/**
 * The report's stylesheet, inlined in the page. System fonts only (nothing is fetched). Colours
 * meet WCAG AA contrast for text on their backgrounds; every change and finding is also said by
 * a symbol or word and a stroke style, so colour is never the only signal. Sizes are in rem so
 * that browser zoom scales the page; the map keeps its drawn size and scrolls in its region.
 */
export const PAGE_STYLE = `
:root { --ink: #1b1f24; --muted: #4d5661; --line: #8c959f; --paper: #ffffff; --tint: #f4f6f8;
  --create: #1a7f37; --create-bg: #e6f4ea; --update: #9a6700; --update-bg: #fff4d6;
  --replace: #8250df; --replace-bg: #f1ebfd; --delete: #cf222e; --delete-bg: #fdecec;
  --warn: #bc4c00; --focus: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 1rem/1.5 system-ui, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
a { color: var(--focus); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.page, main, nav.toc { padding: 0 1.5rem; max-width: 90rem; margin: 0 auto; }
header.page h1 { font-size: 1.6rem; margin: 1.2rem 0 .2rem; }
header.page p { margin: .2rem 0; color: var(--muted); }
nav.toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; }
section.env { border-top: 2px solid var(--line); margin-top: 1.5rem; }
section.env > h2 { font-size: 1.4rem; margin: 1rem 0 .25rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; padding: 0; list-style: none; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0; padding: 0; list-style: none; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 1.6rem; height: 1rem; border: 2px solid var(--line); border-radius: 3px; background: var(--paper); }
.swatch.mark-create { border-color: var(--create); background: var(--create-bg); }
.swatch.mark-update { border-color: var(--update); background: var(--update-bg); }
.swatch.mark-replace { border: 4px double var(--replace); background: var(--replace-bg); }
.swatch.mark-delete { border-style: dashed; border-color: var(--delete); background: var(--delete-bg); }
.map-scroll { overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--tint); max-width: 100%; }
svg { display: block; font-family: system-ui, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
svg text { fill: var(--ink); }
svg .t-title { font-size: 15px; } svg .t-body { font-size: 13px; } svg .t-small { font-size: 12px; } svg .t-bold { font-weight: 700; }
svg .vpc { fill: var(--paper); stroke: var(--ink); stroke-width: 2; }
svg .az-column { fill: var(--tint); stroke: var(--line); stroke-dasharray: 2 3; }
svg .box { fill: var(--paper); stroke: var(--line); stroke-width: 1.5; }
svg .el-subnet[data-tier="public"] > .box { fill: #eef6ff; }
svg .el-subnet[data-tier="data"] > .box { fill: #f6f1fb; }
svg .el-nat > .box, svg .el-igw > .box { fill: #fff8e8; }
svg .el-node-group > .box { fill: #f0f7f2; }
svg .el-workload > .box { fill: var(--paper); }
svg .el-lb > .box { fill: #eef6ff; }
svg .mark-create > .box { stroke: var(--create); stroke-width: 2.5; fill: var(--create-bg); }
svg .mark-update > .box { stroke: var(--update); stroke-width: 2.5; fill: var(--update-bg); }
svg .mark-replace > .box { stroke: var(--replace); stroke-width: 4; fill: var(--replace-bg); }
svg .mark-delete > .box { stroke: var(--delete); stroke-width: 2.5; stroke-dasharray: 6 4; fill: var(--delete-bg); }
svg .mark-delete > text { text-decoration: line-through; }
svg .box.warn { fill: #fff1e5; stroke: var(--warn); stroke-dasharray: 6 3; }
svg .badge rect { fill: var(--warn); }
svg .badge text { fill: #ffffff; }
svg .badge:focus-visible rect { stroke: var(--focus); stroke-width: 3; }
svg .el:target > .box { stroke: var(--focus); stroke-width: 4; }
svg .bar-item, svg .bar-after { fill: #4f6d8f; } svg .bar-total { fill: var(--ink); } svg .bar-before { fill: #9aa7b4; }
svg .bar-up { fill: var(--delete); } svg .bar-down { fill: var(--create); }
.op { font-weight: 700; white-space: nowrap; }
.op-create { color: var(--create); } .op-update { color: var(--update); } .op-replace { color: var(--replace); } .op-delete { color: var(--delete); }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .5rem 0; padding: .5rem .75rem; background: var(--tint); border-radius: 6px; }
.filters[hidden] { display: none; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.filters legend { float: left; margin-right: .75rem; font-weight: 700; }
.filters select, .filters button { font: inherit; }
ul.tree, ul.resources, ul.props { list-style: none; padding-left: 1.25rem; margin: .25rem 0; }
ul.tree { padding-left: 0; }
li.res { border-left: 4px solid var(--line); padding-left: .5rem; margin: .25rem 0; }
li.res.op-create { border-left-color: var(--create); } li.res.op-update { border-left-color: var(--update); }
li.res.op-replace { border-left: 6px double var(--replace); } li.res.op-delete { border-left: 4px dashed var(--delete); }
summary { cursor: pointer; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
.prop code { white-space: pre-wrap; }
.prop .old code { background: var(--delete-bg); } .prop .new code { background: var(--create-bg); }
.forces { color: var(--replace); }
.note, .why, .kind, .group-counts { color: var(--muted); }
.findings-group { margin: .75rem 0; }
.findings-group h4 { margin-bottom: .25rem; }
.findings-group ul { margin: 0; padding-left: 1.25rem; }
.level-mandatory { color: var(--delete); font-weight: 700; } .level-advisory { color: var(--update); font-weight: 700; }
.cost-block { margin: .5rem 0 1rem; }
table.figures { border-collapse: collapse; margin: .5rem 0; font-size: .95rem; }
table.figures caption { text-align: left; color: var(--muted); }
table.figures th, table.figures td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: left; }
table.figures td { text-align: right; font-variant-numeric: tabular-nums; }
.notes { color: var(--muted); font-size: .9rem; }
footer { padding: 1rem 1.5rem 2rem; color: var(--muted); max-width: 90rem; margin: 0 auto; }
`;
