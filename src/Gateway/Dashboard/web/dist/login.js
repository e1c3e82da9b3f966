// The login form, shown when the API answers 401. The token goes to POST login once; the server keeps a session
// and sets an HttpOnly cookie, so the token never sits in the page, the URL, or browser storage.
import { el, replace } from "./dom.js";
const EXPIRED_LINK = "login=expired";
/** True when the page was opened through a login link that was already used or has expired. */
export function cameFromSpentLink() {
    return location.hash.slice(1).split("&").includes(EXPIRED_LINK);
}
async function submit(form, input, message, onLoggedIn) {
    const response = await fetch("login", {
        method: "POST",
        body: new URLSearchParams({ token: input.value }),
        credentials: "same-origin",
        cache: "no-store",
    });
    if (response.ok) {
        input.value = "";
        form.remove();
        if (cameFromSpentLink()) {
            history.replaceState(null, "", location.pathname);
        }
        onLoggedIn();
        return;
    }
    let text = `${response.status} ${response.statusText}`;
    try {
        const body = (await response.json());
        text = body.error ?? text;
    }
    catch {
        // Not JSON: the status line says enough.
    }
    replace(message, text);
    message.hidden = false;
}
/** Shows the form in <paramref name="container"/> once; later calls while it is shown do nothing. */
export function showLogin(container, onLoggedIn) {
    if (container.querySelector("form")) {
        return;
    }
    const input = el("input", { type: "password", name: "token", autocomplete: "off", required: "", "data-testid": "login-token" });
    const message = el("p", { class: "error", "data-testid": "login-error" });
    message.hidden = !cameFromSpentLink();
    if (cameFromSpentLink()) {
        replace(message, "That login link was already used or has expired: ask for a new one, or paste a token.");
    }
    const form = el("form", { method: "post", action: "login", class: "login", "data-testid": "login-form" }, el("h2", {}, "Log in"), el("p", {}, "Paste a bearer token of this cluster (for example the admin token). It is sent once; the browser keeps only a session cookie."), el("label", {}, "Token ", input), el("button", { type: "submit", "data-testid": "login-submit" }, "Log in"), message);
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        void submit(form, input, message, onLoggedIn).catch((error) => {
            replace(message, error instanceof Error ? error.message : String(error));
            message.hidden = false;
        });
    });
    replace(container, form);
    input.focus();
}
