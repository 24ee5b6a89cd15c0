/**
 * The report page: one self-contained HTML file (inline SVG, CSS and script; a Content
 * Security Policy that lets it load nothing), the same bytes for the same model. Per env: its
 * facts, the map with its legend, the change, the findings and the cost.
 */
import { changeHtml } from "./change-html";
import { costHtml } from "./cost-html";
import { mapSvg } from "./map-svg";
import { MARK_TEXT, MARKS, type EnvView, type FindingGroupView, type ReportModel } from "./model";
import { attrs, esc, usd } from "./markup";
import { PAGE_SCRIPT } from "./page-script";
import { PAGE_STYLE } from "./page-style";
import { slug } from "./plan-view";

/** Found in the first bytes of every report: how `report` knows a file at --out is one it wrote. */
export const REPORT_MARKER = '<meta name="generator" content="stackplan report">';

/** Nothing may be fetched: no network, no fonts, no images from anywhere. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function reportHtml(m: ReportModel): string {
  const envNames = m.envs.map((e) => e.name).join(", ");
  const title = `stackplan report: ${m.project} (${envNames})`;
  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    REPORT_MARKER,
    `<meta${attrs({ "http-equiv": "Content-Security-Policy", content: CSP })}>`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<a class="skip" href="#main">Skip to the report</a>`,
    `<header class="page"><h1>${esc(`stackplan report: ${m.project}`)}</h1>`,
    `<p>${esc(m.envs.length === 1 ? `Environment ${envNames}` : `Environments ${envNames}`)}${m.against !== undefined ? esc(`, compared with ${m.against}`) : ""}. Rendered offline from the plan: nothing was read from AWS.</p></header>`,
    toc(m),
    `<main id="main">`,
    ...m.envs.map((e) => envSection(e, m.against)),
    `</main>`,
    `<footer>${esc(`Written by stackplan ${m.version}.`)}</footer>`,
    `<script>${PAGE_SCRIPT}</script>`,
    `</body>`,
    `</html>`,
    "",
  ].join("\n");
}

function toc(m: ReportModel): string {
  const items = m.envs.flatMap((e) => {
    const id = slug(e.name);
    return [`<li><a href="#${id}">${esc(e.name)}</a>: <a href="#${id}-map">map</a>${e.change ? `, <a href="#${id}-change">change</a>` : ""}, <a href="#${id}-findings">findings</a>, <a href="#${id}-cost">cost</a></li>`];
  });
  return `<nav class="toc" aria-label="Contents"><ul>${items.join("")}</ul></nav>`;
}

function envSection(e: EnvView, against: string | undefined): string {
  const id = slug(e.name);
  const p = e.policy;
  const change = e.change ? MARKS.filter((k) => e.change!.counts[k] > 0).map((k) => `${MARK_TEXT[k].symbol}${e.change!.counts[k]} ${k}`).join(", ") || "none" : undefined;
  const facts = [
    `region ${e.region}`,
    `account ${e.account}`,
    `class ${e.envClass}`,
    `${e.resources} resources`,
    ...(change ? [`change: ${change}`] : []),
    `policies: ${p.passed ? "pass" : "FAIL"}, ${p.mandatory} mandatory, ${p.advisory} advisory, ${p.waived} waived`,
    `cost ${usd(e.cost.total)}/month`,
  ];
  return [
    `<section${attrs({ id, class: "env", "aria-labelledby": `${id}-title` })}>`,
    `<h2 id="${id}-title">${esc(e.name)}</h2>`,
    `<ul class="facts">${facts.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>`,
    `<section${attrs({ id: `${id}-map`, "aria-labelledby": `${id}-map-title` })}>`,
    `<h3 id="${id}-map-title">Map of ${esc(e.name)}</h3>`,
    legend(e, against),
    `<div${attrs({ class: "map-scroll", role: "region", tabindex: 0, "aria-label": `Map of ${e.name} (scrolls)` })}>`,
    mapSvg(e.map, `Map of ${e.name}: the VPC, its availability zones, subnets, gateways, endpoints, the EKS cluster, node groups and workloads`),
    `</div>`,
    `</section>`,
    e.change
      ? `<section${attrs({ id: `${id}-change`, "aria-labelledby": `${id}-change-title` })}><h3 id="${id}-change-title">${esc(`Change from ${e.change.from} to ${e.change.to}`)}</h3>${changeHtml(e.change, id)}</section>`
      : "",
    `<section${attrs({ id: `${id}-findings`, "aria-labelledby": `${id}-findings-title` })}><h3 id="${id}-findings-title">Policy findings</h3>${findingsHtml(e.findingGroups)}</section>`,
    `<section${attrs({ id: `${id}-cost`, "aria-labelledby": `${id}-cost-title` })}><h3 id="${id}-cost-title">Cost</h3>${costHtml(e.cost, e.name, against)}</section>`,
    `</section>`,
  ].join("\n");
}

function legend(e: EnvView, against: string | undefined): string {
  const marks = e.change
    ? MARKS.map((m) => `<li><span${attrs({ class: `swatch mark-${m}`, "aria-hidden": "true" })}></span>${esc(`${MARK_TEXT[m].symbol} ${MARK_TEXT[m].word}`)}</li>`).join("")
    : "";
  const intro = e.change ? `Compared with ${against ?? e.change.from}: changed elements carry a symbol, a colour and a border style.` : "The env as planned.";
  return (
    `<p>${esc(intro)} Subnets are grouped by availability zone ID; node groups and endpoints span the zones they use. ⚠ n: policy findings (a link to them).</p>` +
    `<ul class="legend" aria-label="Legend">${marks}<li><span class="swatch" aria-hidden="true"></span>unchanged</li><li><span aria-hidden="true">⚠ n</span> policy findings</li></ul>`
  );
}

function findingsHtml(groups: readonly FindingGroupView[]): string {
  if (groups.length === 0) return `<p>No findings.</p>`;
  return groups
    .map(
      (g) =>
        `<div${attrs({ id: g.id, class: "findings-group" })}><h4>${esc(g.title)}${g.mapId ? ` <a${attrs({ href: `#${g.mapId}`, class: "to-map" })}>on the map</a>` : ""}</h4><ul>` +
        g.findings
          .map(
            (f) =>
              `<li><span class="level-${f.level}">${esc(f.level)}</span> <strong>${esc(f.rule)}</strong>${f.severity ? ` (${esc(f.severity)})` : ""}${f.kind !== "violation" ? ` <em>${esc(f.kind)}</em>` : ""} <code>${esc(f.resource)}</code>${f.path ? ` at <code>${esc(f.path)}</code>` : ""}: ${esc(f.message)}</li>`,
          )
          .join("") +
        `</ul></div>`,
    )
    .join("\n");
}
