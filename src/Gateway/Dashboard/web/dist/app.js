// The dashboard page: polls the API every second and redraws its views in place, no reload.
import { ApiError, getJson, } from "./api.js";
import { lineChart } from "./chart.js";
import { el, replace, row, section, table } from "./dom.js";
import { bytes, duration, integer, milliseconds, percent, rate, time } from "./format.js";
import { showLogin } from "./login.js";
import { bindNamespaceFilter, renderObjects } from "./objects.js";
import { link, selection } from "./selection.js";
const POLL_MS = 1000;
function renderCluster(cluster) {
    replace(section("silos"), table("silos-table", ["Name", "Address", "Role", "Status", "Uptime", "Activations", "CPU", "Memory", "Last alive"], cluster.silos.map((s) => row({ "data-testid": "silo-row", class: `status-${s.status.toLowerCase()}` }, s.name, s.address, s.role, el("span", { class: "badge", "data-testid": "silo-status" }, s.status), duration(s.uptimeSeconds), integer(s.activations), el("span", { "data-testid": "silo-cpu" }, s.cpuPercent == null ? "-" : percent(s.cpuPercent)), el("span", { "data-testid": "silo-memory" }, s.memoryBytes == null ? "-" : bytes(s.memoryBytes)), time(s.iAmAliveTime))), "No silos reported yet."));
    replace(section("membership"), table("membership-table", ["Time", "Silo", "Change"], [...cluster.history].reverse().slice(0, 20).map((c) => row({}, time(c.time), `${c.name} (${c.address})`, c.previous ? `${c.previous} → ${c.status}` : `seen ${c.status}`)), "No membership changes yet."));
}
function renderGrains(grains, current) {
    const totals = grains.totals;
    replace(section("tiles"), tile("Activations", integer(totals.activations), "tile-activations"), tile("Calls/s", rate(totals.callsPerSecond), "tile-calls"), tile("Exceptions/s", rate(totals.exceptionsPerSecond), "tile-errors"), tile("Average latency", milliseconds(totals.averageMs), "tile-latency"));
    const history = grains.history;
    replace(section("charts"), lineChart("Calls/s", history.map((p) => p.callsPerSecond), rate(totals.callsPerSecond), "chart-calls"), lineChart("Activations", history.map((p) => p.activations), integer(totals.activations), "chart-activations"), lineChart("Exceptions/s", history.map((p) => p.exceptionsPerSecond), rate(totals.exceptionsPerSecond), "chart-errors"), lineChart("Average latency (ms)", history.map((p) => p.averageMs), milliseconds(totals.averageMs), "chart-latency"));
    replace(section("grain-types"), table("grain-types-table", ["Grain type", "Silo", "Activations", "Calls/s", "Avg", "p99", "Exceptions/s", "Timer ticks/s", "Calls", "Errors"], grains.grainTypes.map((g) => row({ "data-testid": "grain-type-row", "data-grain-type": g.grainType, class: g.grainType === current.type ? "selected" : "" }, link(g.grainType, { type: g.grainType, grain: null }, "grain-type-link"), g.silo, integer(g.activations), rate(g.callsPerSecond), milliseconds(g.averageMs), milliseconds(g.p99Ms), rate(g.exceptionsPerSecond), rate(g.timerTicksPerSecond), el("span", { "data-testid": "grain-type-calls" }, integer(g.calls)), integer(g.errors))), "No grain has been called in the cluster yet."));
}
function tile(title, value, testId) {
    return el("div", { class: "tile" }, el("span", {}, title), el("strong", { "data-testid": testId }, value));
}
function methodTable(testId, methods, empty) {
    return table(testId, ["Grain type", "Method", "Calls", "Calls/s", "Avg", "p99", "Errors"], methods.map((m) => row({}, m.grainType, m.method, integer(m.calls), rate(m.callsPerSecond), milliseconds(m.averageMs), milliseconds(m.p99Ms), integer(m.errors))), empty);
}
function renderMethods(methods) {
    replace(section("methods"), el("div", { class: "column" }, el("h3", {}, "Most calls"), methodTable("methods-calls", methods.byCalls, "No calls yet.")), el("div", { class: "column" }, el("h3", {}, "Highest latency"), methodTable("methods-latency", methods.byLatency, "No calls yet.")), el("div", { class: "column" }, el("h3", {}, "Most exceptions"), methodTable("methods-errors", methods.byErrors, "No exceptions.")));
}
function renderGrainType(type) {
    const latest = type.latest;
    return el("div", { "data-testid": "grain-type-detail" }, el("h3", {}, `Grain type ${type.grainType}`), el("div", { class: "charts" }, lineChart("Calls/s", type.history.map((p) => p.callsPerSecond), rate(latest?.callsPerSecond ?? 0), "type-chart-calls"), lineChart("Activations", type.history.map((p) => p.activations), integer(latest?.activations ?? 0), "type-chart-activations")), el("h4", {}, "Activations on this silo"), type.activationIds.length === 0
        ? el("p", { class: "empty" }, "None.")
        : el("ul", { class: "activations" }, ...type.activationIds.map((id) => el("li", {}, link(id, { type: type.grainType, grain: id }, "activation-link")))));
}
function renderGrain(grain) {
    return el("div", { "data-testid": "grain-detail" }, el("h3", {}, `Grain ${grain.grainId}`), el("dl", {}, el("dt", {}, "Activation"), el("dd", {}, grain.activationId), el("dt", {}, "Silo"), el("dd", {}, grain.silo), el("dt", {}, "State"), el("dd", {}, grain.state), el("dt", {}, "Idle"), el("dd", {}, duration(grain.idleSeconds))), el("h4", {}, "Persistent state"), el("pre", { "data-testid": "grain-state" }, JSON.stringify(grain.persistentStates, null, 2)), el("h4", {}, "Timers"), table("grain-timers", ["Due", "Period", "Interleave", "Keep alive", "Ticks"], grain.timers.map((t) => row({}, milliseconds(t.dueTimeMs), t.periodMs < 0 ? "once" : milliseconds(t.periodMs), String(t.interleave), String(t.keepAlive), integer(t.ticks))), "No timers."), el("h4", {}, "Reminders"), grain.reminders.length === 0 ? el("p", { class: "empty" }, "No reminders.") : el("ul", {}, ...grain.reminders.map((r) => el("li", {}, r))), el("h4", {}, "Recent calls"), table("grain-calls", ["Started", "Method", "Elapsed", "Error"], [...grain.recentCalls].reverse().map((c) => row({ class: c.error ? "failed" : "" }, time(c.started), c.method, milliseconds(c.elapsedMs), c.error ?? "")), "No calls recorded."));
}
async function renderDrillDown(current) {
    const container = section("drill-down");
    if (!current.type && !current.grain) {
        replace(container, el("p", { class: "empty" }, "Select a grain type to see its activations, then one grain to see its state."));
        return;
    }
    const parts = [];
    if (current.type) {
        parts.push(renderGrainType(await getJson(`api/grains/${encodeURIComponent(current.type)}`)));
    }
    if (current.grain) {
        try {
            const id = current.grain.split("/").map(encodeURIComponent).join("/");
            parts.push(renderGrain(await getJson(`api/grain/${id}`)));
        }
        catch (error) {
            parts.push(el("p", { class: "error", "data-testid": "grain-error" }, error instanceof Error ? error.message : String(error)));
        }
    }
    replace(container, ...parts);
}
async function refresh() {
    const current = selection();
    const [cluster, grains, methods] = await Promise.all([
        getJson("api/cluster"),
        getJson("api/grains"),
        getJson("api/methods?top=10"),
    ]);
    renderCluster(cluster);
    renderGrains(grains, current);
    renderMethods(methods);
    await Promise.all([renderObjects(current), renderDrillDown(current)]);
    replace(section("updated"), `Updated ${time(grains.now)}`);
}
// One poll at a time: a slow answer delays the next poll instead of piling requests up. A 401 stops polling
// until the login form has got a session.
async function poll() {
    const banner = section("connection");
    const main = section("main");
    try {
        await refresh();
        banner.hidden = true;
        main.hidden = false;
    }
    catch (error) {
        if (error instanceof ApiError && error.status === 401) {
            banner.hidden = true;
            main.hidden = true;
            showLogin(section("login"), () => void poll());
            return;
        }
        banner.hidden = false;
        replace(banner, `Cannot reach the dashboard API: ${error instanceof Error ? error.message : String(error)}. Retrying.`);
    }
    setTimeout(() => void poll(), POLL_MS);
}
window.addEventListener("hashchange", () => {
    const current = selection();
    void renderDrillDown(current).catch(() => undefined);
    void renderObjects(current).catch(() => undefined);
});
bindNamespaceFilter();
void poll();
