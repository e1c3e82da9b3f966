// Small live line charts drawn as inline SVG: no library, nothing fetched.
const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, value);
    }
    return element;
}
/** The polyline's points for values scaled into width x height; the top is at least 1 so flat zero stays at the bottom. */
export function points(values, width, height) {
    const max = Math.max(1, ...values);
    const step = values.length > 1 ? width / (values.length - 1) : 0;
    return values
        .map((v, i) => `${(i * step).toFixed(1)},${(height - (Math.max(0, v) / max) * height).toFixed(1)}`)
        .join(" ");
}
export function lineChart(title, values, latest, testId) {
    const width = 240;
    const height = 60;
    const figure = document.createElement("figure");
    figure.className = "chart";
    figure.setAttribute("data-testid", testId);
    const caption = document.createElement("figcaption");
    const name = document.createElement("span");
    name.textContent = title;
    const value = document.createElement("strong");
    value.textContent = latest;
    caption.append(name, value);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", role: "img", "aria-label": title });
    chart.append(svg("rect", { x: "0", y: "0", width: String(width), height: String(height), class: "chart-background" }));
    if (values.length > 1) {
        chart.append(svg("polyline", { points: points(values, width, height), class: "chart-line" }));
    }
    figure.append(caption, chart);
    return figure;
}
