/**
 * The map as inline SVG: the VPC box, one column per AZ ID (public, private and data subnets
 * aligned across columns, the NAT gateways inside their subnets), then the bands that span
 * AZs: load balancers, VPC endpoints, the EKS control plane and the node groups with their
 * workloads. All text is real <text>; every element is a <g> with a <title> saying what it is
 * and what the change does to it, and data attributes the browser tests read the structure by.
 * Changes show as a symbol in the label and a stroke style as well as a colour.
 */
import type { AzView, MapElement, MapView, NodeGroupView, WorkloadView } from "./model";
import { MARK_TEXT, type Mark } from "./model";
import { attrs, esc, fit, textWidth } from "./markup";
import { TIER_ORDER } from "./plan-view";

const PAD = 16;
const GAP = 12;
const SIZE = { title: 15, body: 13, small: 12 } as const;
const LINE = { body: 18, small: 16 } as const;
const INSET = 8;

interface Line {
  readonly text: string;
  readonly size?: "title" | "body" | "small";
  readonly bold?: boolean;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const sym = (m: Mark | undefined) => (m ? `${MARK_TEXT[m].symbol} ` : "");
const linesHeight = (lines: readonly Line[]) => lines.reduce((h, l) => h + (l.size === "small" ? LINE.small : LINE.body), 0);
const boxHeight = (lines: readonly Line[]) => linesHeight(lines) + INSET + 2;
const lineWidth = (l: Line) => textWidth(l.text, SIZE[l.size ?? "body"], l.bold);

/** The text lines of a box, top-left aligned, each cut to the box's width. */
function textLines(box: Box, lines: readonly Line[], top = box.y + 2): string {
  let y = top;
  return lines
    .map((l) => {
      const size = l.size ?? "body";
      y += size === "small" ? LINE.small : LINE.body;
      const text = fit(l.text, box.w - 2 * INSET, SIZE[size], l.bold);
      return `<text${attrs({ x: box.x + INSET, y: y - 5, class: `t-${size}${l.bold ? " t-bold" : ""}` })}>${esc(text)}</text>`;
    })
    .join("");
}

function describe(el: MapElement, detail: string): string {
  const change = el.mark ? `${MARK_TEXT[el.mark].word}: ` : "";
  const findings = el.findings ? ` — ${el.findings} policy finding${el.findings === 1 ? "" : "s"}` : "";
  return `${change}${el.label}${detail ? ` (${detail})` : ""}${findings}`;
}

/** A finding badge in the box's top-right corner, a link to the element's findings. */
function badge(el: MapElement, box: Box): string {
  if (!el.findings) return "";
  const text = `⚠ ${el.findings}`;
  const w = textWidth(text, SIZE.small, true) + 10;
  const label = `${el.findings} policy finding${el.findings === 1 ? "" : "s"} on ${el.label}`;
  return (
    `<a${attrs({ href: `#${el.id}-findings`, class: "badge", "aria-label": label })}>` +
    `<rect${attrs({ x: box.x + box.w - w - 4, y: box.y + 4, width: w, height: 18, rx: 9 })}/>` +
    `<text${attrs({ x: box.x + box.w - w / 2 - 4, y: box.y + 17, "text-anchor": "middle", class: "t-small t-bold" })}>${esc(text)}</text></a>`
  );
}

/** One element: a group with its title, box, text and badge; `inner` is drawn inside it (NATs, workloads). */
function element(el: MapElement, kind: string, box: Box, lines: readonly Line[], detail: string, data: Record<string, string | undefined> = {}, inner = ""): string {
  const cls = `el el-${kind}${el.mark ? ` mark-${el.mark}` : ""}`;
  return (
    `<g${attrs({ id: el.id, class: cls, "data-kind": kind, ...data, "data-mark": el.mark })}>` +
    `<title>${esc(describe(el, detail))}</title>` +
    `<rect${attrs({ x: box.x, y: box.y, width: box.w, height: box.h, rx: 6, class: "box" })}/>` +
    textLines(box, lines) +
    badge(el, box) +
    inner +
    `</g>`
  );
}

/** Lay out boxes of the given sizes left to right, wrapping at `width`. */
function flow(sizes: readonly { w: number; h: number }[], x: number, y: number, width: number): { at: { x: number; y: number }[]; height: number } {
  const at: { x: number; y: number }[] = [];
  let cx = x;
  let cy = y;
  let rowH = 0;
  for (const s of sizes) {
    if (cx > x && cx + s.w > x + width) {
      cx = x;
      cy += rowH + 8;
      rowH = 0;
    }
    at.push({ x: cx, y: cy });
    cx += s.w + 8;
    rowH = Math.max(rowH, s.h);
  }
  return { at, height: sizes.length ? cy - y + rowH : 0 };
}

function subnetLines(s: AzView["subnets"][number]): Line[] {
  return [
    { text: `${sym(s.mark)}${s.tier} subnet`, bold: true },
    { text: s.cidr },
    { text: s.defaultRoute ? `0.0.0.0/0 → ${s.defaultRoute}` : "no route to the internet", size: "small" },
  ];
}

const natLines = (n: AzView["subnets"][number]["nats"][number]): Line[] => [
  { text: `${sym(n.mark)}NAT gateway`, bold: true },
  { text: n.name, size: "small" },
  { text: n.serves.length ? `serves ${n.serves.join(", ")}` : "serves no subnet", size: "small" },
];

function workloadLines(w: WorkloadView): Line[] {
  return [
    { text: `${sym(w.mark)}${w.name}`, bold: true },
    { text: `×${w.replicas} · ${w.exposure}`, size: "small" },
  ];
}

function nodeGroupLines(g: NodeGroupView): Line[] {
  const size = [g.min, g.desired, g.max].map((n) => (n === undefined ? "?" : String(n)));
  return [
    { text: `${sym(g.mark)}node group ${g.name} · ${g.capacityType}`, bold: true },
    { text: g.instanceTypes.join(", ") || "instance type not set", size: "small" },
    { text: `nodes min ${size[0]} / desired ${size[1]} / max ${size[2]} · max pods ${g.maxPods ?? "?"}${g.taints.length ? ` · taints ${g.taints.join(", ")}` : ""}`, size: "small" },
  ];
}

export function mapSvg(map: MapView, title: string): string {
  const n = Math.max(map.azs.length, 1);
  const widest = Math.max(
    0,
    ...map.azs.flatMap((a) => a.subnets.flatMap((s) => [...subnetLines(s), ...s.nats.flatMap(natLines)].map(lineWidth))),
  );
  const colW = Math.min(380, Math.max(250, widest + 2 * INSET + 2 * INSET));
  const left = 2 * PAD;
  const inner = n * colW + (n - 1) * GAP;
  const width = inner + 4 * PAD;
  const colX = (i: number) => left + i * (colW + GAP);
  const span = (azIds: readonly string[]): { x: number; w: number } => {
    const idx = map.azs.map((a, i) => (azIds.includes(a.azId) ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) return { x: left, w: inner };
    const a = Math.min(...idx);
    const b = Math.max(...idx);
    return { x: colX(a), w: colX(b) + colW - colX(a) };
  };
  const parts: string[] = [];
  let y = PAD + 8;

  // The VPC's title row, with the internet gateway on the right.
  const vpcTitle = map.vpc ? `${sym(map.vpc.mark)}VPC ${map.vpc.name} · ${map.vpc.cidr}` : "no VPC in this plan";
  parts.push(`<text${attrs({ x: left, y: y + 16, class: "t-title t-bold" })}>${esc(vpcTitle)}</text>`);
  if (map.internetGateway) {
    const lines: Line[] = [{ text: `${sym(map.internetGateway.mark)}internet gateway`, bold: true }];
    const w = lineWidth(lines[0]!) + 2 * INSET + 8;
    parts.push(element(map.internetGateway, "igw", { x: left + inner - w, y: y - 4, w, h: boxHeight(lines) }, lines, map.internetGateway.name));
  }
  y += 36;

  const lbBand = (scheme: "internet-facing" | "internal") => {
    for (const lb of map.loadBalancers.filter((l) => l.scheme === scheme)) {
      const lines: Line[] = [
        { text: `${sym(lb.mark)}${lb.kind} ${lb.name} · ${lb.scheme} · ${lb.origin}`, bold: true },
        ...lb.routes.map((r): Line => ({ text: `${r.from} → ${r.to}`, size: "small" })),
      ];
      const box = { x: left, y, w: inner, h: boxHeight(lines) };
      parts.push(element(lb, "lb", box, lines, `${lb.routes.length} route${lb.routes.length === 1 ? "" : "s"}`, { "data-scheme": lb.scheme, "data-lb-kind": lb.kind }));
      y += box.h + GAP;
    }
  };
  lbBand("internet-facing");

  // AZ columns: headers, then one row per subnet tier, aligned across columns.
  const colTop = y;
  const headers: string[] = [];
  map.azs.forEach((az, i) => {
    headers.push(`<text${attrs({ x: colX(i) + INSET, y: y + 18, class: "t-title t-bold" })}>${esc(`${sym(az.mark)}${az.azId}`)}</text>`);
  });
  y += 30;
  const columns: string[][] = map.azs.map(() => []);
  for (const tier of TIER_ORDER) {
    if (!map.azs.some((a) => a.subnets.some((s) => s.tier === tier))) continue;
    let rowH = 0;
    map.azs.forEach((az, i) => {
      let cy = y;
      for (const s of az.subnets.filter((x) => x.tier === tier)) {
        const lines = subnetLines(s);
        const natH = s.nats.map((nat) => boxHeight(natLines(nat)));
        const h = boxHeight(lines) + natH.reduce((a, b) => a + b + INSET, 0);
        const box = { x: colX(i), y: cy, w: colW, h };
        let ny = cy + boxHeight(lines);
        const nats = s.nats
          .map((nat, k) => {
            const nb = { x: box.x + INSET, y: ny, w: colW - 2 * INSET, h: natH[k]! };
            ny += natH[k]! + INSET;
            return element(nat, "nat", nb, natLines(nat), nat.connectivity, { "data-az": az.azId, "data-serves": nat.serves.join(" ") });
          })
          .join("");
        columns[i]!.push(element(s, "subnet", box, lines, s.name, { "data-az": az.azId, "data-tier": s.tier, "data-cidr": s.cidr }, nats));
        cy += h + GAP;
      }
      rowH = Math.max(rowH, cy - y);
    });
    y += rowH;
  }

  // Endpoints: gateway ones in route tables, interface ones with ENIs in subnets.
  const chipsBand = (els: readonly MapElement[], heading: string, kind: string, lines: (e: MapElement) => Line[], data: (e: MapElement) => Record<string, string | undefined>, box: { x: number; w: number }) => {
    parts.push(`<text${attrs({ x: box.x + 2, y: y + 14, class: "t-small t-bold" })}>${esc(fit(heading, box.w, SIZE.small, true))}</text>`);
    y += 22;
    const sizes = els.map((e) => ({ w: Math.max(...lines(e).map(lineWidth)) + 2 * INSET + (e.findings ? 40 : 0), h: boxHeight(lines(e)) }));
    const f = flow(sizes, box.x, y, box.w);
    els.forEach((e, i) => parts.push(element(e, kind, { ...f.at[i]!, ...sizes[i]! }, lines(e), "", data(e))));
    y += f.height + GAP;
  };
  const gateways = map.endpoints.filter((e) => e.kind === "Gateway");
  const interfaces = map.endpoints.filter((e) => e.kind === "Interface");
  const endpointLines = (e: MapElement): Line[] => [{ text: `${sym(e.mark)}${(e as (typeof map.endpoints)[number]).service}` }];
  if (gateways.length) {
    const tiers = [...new Set(gateways.flatMap((g) => g.tiers))];
    chipsBand(gateways, `Gateway endpoints (targets in the route tables of the ${tiers.join(", ") || "no"} subnets)`, "endpoint", endpointLines, () => ({ "data-endpoint-kind": "Gateway" }), { x: left, w: inner });
  }
  if (interfaces.length) {
    const tiers = [...new Set(interfaces.flatMap((g) => g.tiers))];
    const azs = [...new Set(interfaces.flatMap((g) => g.azIds))].sort();
    chipsBand(interfaces, `Interface endpoints (ENIs in the ${tiers.join(", ") || "?"} subnets of ${azs.join(", ") || "no AZ"})`, "endpoint", endpointLines, (e) => ({ "data-endpoint-kind": "Interface", "data-az": (e as (typeof interfaces)[number]).azIds.join(" ") }), span(azs));
  }

  if (map.cluster) {
    const c = map.cluster;
    const lines: Line[] = [
      { text: `${sym(c.mark)}EKS control plane ${c.name} · Kubernetes ${c.version}`, bold: true },
      { text: `endpoint ${c.endpoint} · ENIs in ${c.azIds.join(", ") || "?"}`, size: "small" },
    ];
    const s = span(c.azIds);
    const box = { x: s.x, y, w: s.w, h: boxHeight(lines) };
    parts.push(element(c, "cluster", box, lines, `endpoint ${c.endpoint}`, { "data-az": c.azIds.join(" ") }));
    y += box.h + GAP;
  }
  lbBand("internal");

  const workloadChips = (ws: readonly WorkloadView[], box: { x: number; w: number }, top: number, group: string | undefined) => {
    const sizes = ws.map((w) => ({ w: Math.max(...workloadLines(w).map(lineWidth)) + 2 * INSET + (w.findings ? 40 : 0), h: boxHeight(workloadLines(w)) }));
    const f = flow(sizes, box.x + INSET, top, box.w - 2 * INSET);
    const drawn = ws
      .map((w, i) => {
        const detail = [`${w.replicas} replicas`, w.exposureDetail ?? `exposure ${w.exposure}`, w.alsoOn.length ? `may also run on ${w.alsoOn.join(", ")}` : ""].filter(Boolean).join("; ");
        return element(w, "workload", { ...f.at[i]!, ...sizes[i]! }, workloadLines(w), detail, { "data-node-group": group, "data-namespace": w.namespace, "data-name": w.name, "data-exposure": w.exposure, "data-replicas": w.replicas });
      })
      .join("");
    return { drawn, height: f.height };
  };
  for (const g of map.nodeGroups) {
    const lines = nodeGroupLines(g);
    const s = span(g.azIds);
    const head = boxHeight(lines);
    const chips = workloadChips(g.workloads, s, y + head, g.name);
    const box = { x: s.x, y, w: s.w, h: head + chips.height + (g.workloads.length ? INSET : 0) };
    parts.push(element(g, "node-group", box, lines, `${g.workloads.length} workloads`, { "data-name": g.name, "data-az": g.azIds.join(" ") }, chips.drawn));
    y += box.h + GAP;
  }
  if (map.unplaced.length) {
    const lines: Line[] = [{ text: "Workloads no node group accepts", bold: true }];
    const head = boxHeight(lines);
    const chips = workloadChips(map.unplaced, { x: left, w: inner }, y + head, undefined);
    parts.push(`<g class="unplaced"><rect${attrs({ x: left, y, width: inner, height: head + chips.height + INSET, rx: 6, class: "box warn" })}/>${textLines({ x: left, y, w: inner, h: head }, lines)}${chips.drawn}</g>`);
    y += head + chips.height + INSET + GAP;
  }

  const backgrounds = map.azs
    .map((az, i) => `<g${attrs({ id: az.id, class: `el el-az${az.mark ? ` mark-${az.mark}` : ""}`, "data-kind": "az", "data-az": az.azId, "data-mark": az.mark })}><title>${esc(describe(az, `${az.subnets.length} subnets`))}</title><rect${attrs({ x: colX(i) - 4, y: colTop, width: colW + 8, height: y - colTop, rx: 8, class: "az-column" })}/>${headers[i]}${columns[i]!.join("")}</g>`)
    .join("");
  const height = y + PAD;
  const vpcBox = `<rect${attrs({ x: PAD, y: PAD, width: width - 2 * PAD, height: height - 2 * PAD + 4, rx: 10, class: `vpc${map.vpc?.mark ? ` mark-${map.vpc.mark}` : ""}` })}/>`;
  const vpcGroup = map.vpc ? `<g${attrs({ id: map.vpc.id, class: "el el-vpc", "data-kind": "vpc", "data-cidr": map.vpc.cidr, "data-mark": map.vpc.mark })}><title>${esc(describe(map.vpc, map.vpc.cidr))}</title>${vpcBox}${badge(map.vpc, { x: PAD, y: PAD, w: width - 2 * PAD, h: 0 })}</g>` : vpcBox;
  return (
    `<svg${attrs({ width, height: height + 4, viewBox: `0 0 ${width} ${height + 4}`, role: "group", "aria-label": title, class: "map" })}>` +
    vpcGroup +
    backgrounds +
    parts.join("") +
    `</svg>`
  );
}
