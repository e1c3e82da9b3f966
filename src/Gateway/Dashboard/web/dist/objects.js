// The objects view: deployments with rollout progress, pods, nodes with allocation. One page of one kind is
// fetched per poll (the server pages, so a thousand pods cost one page), and every row links to its grain.
import { ApiError, getJson } from "./api.js";
import { el, replace, row, section, table } from "./dom.js";
import { bytes, cores, duration, integer, share } from "./format.js";
import { grainLink, hashFor, link, selection } from "./selection.js";
const PAGE_SIZE = 50;
const TITLES = { deployments: "Deployments", pods: "Pods", nodes: "Nodes" };
function tabs(current) {
    return el("nav", { class: "tabs" }, ...Object.keys(TITLES).map((kind) => {
        const tab = link(TITLES[kind], { objects: kind, offset: 0 }, `objects-tab-${kind}`);
        if (kind === current.objects) {
            tab.setAttribute("class", "selected");
        }
        return tab;
    }));
}
function rollout(d) {
    if (d.paused) {
        return "paused";
    }
    if (d.stalled) {
        return "stalled: progress deadline exceeded";
    }
    return d.rolledOut ? "rolled out" : "progressing";
}
function deploymentTable(page) {
    return table("deployments-table", ["Namespace", "Name", "Updated", "Ready", "Available", "Progress", "Rollout", "Age"], page.items.map((d) => row({ "data-testid": "deployment-row", "data-name": `${d.namespace}/${d.name}`, class: d.rolledOut ? "" : d.stalled ? "stalled" : "progressing" }, d.namespace, grainLink(d.name, d.grain, "object-grain-link"), el("span", { "data-testid": "deployment-updated" }, `${d.updated}/${d.desired}`), el("span", { "data-testid": "deployment-ready" }, `${d.ready}/${d.desired}`), el("span", { "data-testid": "deployment-available" }, `${d.available}/${d.desired}`), el("progress", { max: String(Math.max(1, d.desired)), value: String(Math.min(d.available, d.desired)), "data-testid": "deployment-progress" }), el("span", { "data-testid": "deployment-rollout" }, rollout(d)), duration(d.ageSeconds))), "No deployments.");
}
function podTable(page) {
    return table("pods-table", ["Namespace", "Name", "Ready", "Phase", "Restarts", "Node", "Owner", "Age"], page.items.map((p) => row({ "data-testid": "pod-row", class: `phase-${p.phase.toLowerCase()}` }, p.namespace, grainLink(p.name, p.grain, "object-grain-link"), `${p.readyContainers}/${p.containers}`, el("span", { class: "badge" }, p.phase), integer(p.restarts), p.node ? grainLink(p.node, `node/${p.node}`, "pod-node-link") : "-", p.ownerGrain ? grainLink(p.ownerGrain.split("/").slice(1).join("/"), p.ownerGrain, "pod-owner-link") : "-", duration(p.ageSeconds))), "No pods.");
}
function nodeTable(page) {
    return table("nodes-table", ["Name", "Status", "Pods", "CPU requested", "Memory requested", "Age"], page.items.map((n) => row({ "data-testid": "node-row", class: n.ready ? "status-active" : "status-dead" }, grainLink(n.name, n.grain, "object-grain-link"), el("span", { class: "badge" }, [n.ready ? "Ready" : "NotReady", n.unschedulable ? ",SchedulingDisabled" : "", n.hollow ? " (hollow)" : ""].join("")), el("span", { "data-testid": "node-pods" }, share(integer(n.pods), integer(n.allocatablePods), n.pods, n.allocatablePods)), share(cores(n.requestedMilliCpu), cores(n.allocatableMilliCpu), n.requestedMilliCpu, n.allocatableMilliCpu), share(bytes(n.requestedMemoryBytes), bytes(n.allocatableMemoryBytes), n.requestedMemoryBytes, n.allocatableMemoryBytes), duration(n.ageSeconds))), "No nodes.");
}
function pager(page) {
    const first = page.items.length === 0 ? 0 : page.offset + 1;
    return el("p", { class: "pager" }, page.offset > 0 ? el("a", { href: hashFor({ offset: Math.max(0, page.offset - page.limit) }), "data-testid": "objects-previous" }, "← Previous") : null, el("span", { "data-testid": "objects-range" }, `${first}–${page.offset + page.items.length}${page.more ? " of more" : ""}`), page.more ? el("a", { href: hashFor({ offset: page.offset + page.limit }), "data-testid": "objects-next" }, "Next →") : null);
}
async function fetchTable(current) {
    const query = new URLSearchParams({ offset: String(current.offset), limit: String(PAGE_SIZE) });
    if (current.namespace && current.objects !== "nodes") {
        query.set("namespace", current.namespace);
    }
    const path = `api/objects/${current.objects}?${query.toString()}`;
    switch (current.objects) {
        case "deployments": {
            const page = await getJson(path);
            return [deploymentTable(page), pager(page)];
        }
        case "pods": {
            const page = await getJson(path);
            return [podTable(page), pager(page)];
        }
        case "nodes": {
            const page = await getJson(path);
            return [nodeTable(page), pager(page)];
        }
    }
}
export async function renderObjects(current) {
    let content;
    try {
        content = await fetchTable(current);
    }
    catch (error) {
        // A 401 belongs to the whole page's login; anything else is this view's own trouble.
        if (error instanceof ApiError && error.status === 401) {
            throw error;
        }
        content = [el("p", { class: "error", "data-testid": "objects-error" }, error instanceof Error ? error.message : String(error))];
    }
    replace(section("objects"), tabs(current), ...content);
}
/** The namespace box lives outside the redrawn section, so typing in it survives the polls. */
export function bindNamespaceFilter() {
    const input = section("object-namespace");
    input.value = selection().namespace ?? "";
    input.addEventListener("change", () => {
        location.hash = hashFor({ namespace: input.value.trim() || null, offset: 0 });
    });
}
