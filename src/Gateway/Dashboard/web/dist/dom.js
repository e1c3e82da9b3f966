// Building DOM nodes without innerHTML: every value from the API lands as text, never as markup.
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, value);
    }
    for (const child of children) {
        if (child !== null && child !== undefined) {
            element.append(typeof child === "number" ? String(child) : child);
        }
    }
    return element;
}
/** A table with one header row; cells are strings or nodes. */
export function table(testId, headers, rows, empty) {
    if (rows.length === 0) {
        return el("p", { class: "empty", "data-testid": testId }, empty);
    }
    return el("table", { "data-testid": testId }, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", {}, h)))), el("tbody", {}, ...rows));
}
export function row(attributes, ...cells) {
    return el("tr", attributes, ...cells.map((c) => el("td", {}, c)));
}
/** Replaces a container's content in one step, so the page never flashes empty between polls. */
export function replace(container, ...children) {
    const nodes = children.filter((c) => c !== null && c !== undefined)
        .map((c) => (typeof c === "number" ? String(c) : c));
    container.replaceChildren(...nodes);
}
/** An element the page must have; its absence is a bug in index.html, so it throws. */
export function section(id) {
    const found = document.getElementById(id);
    if (!found) {
        throw new Error(`the page has no #${id}`);
    }
    return found;
}
