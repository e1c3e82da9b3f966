// The JSON shapes of /dashboard/api/*, as the Gateway's records serialize them (camelCase).
/** A failed request: the API's { error } message when it sent one, else the HTTP status. */
export class ApiError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** Relative to the page (served at /dashboard/), so a path base in front of the gateway keeps working. */
export async function getJson(path) {
    const response = await fetch(path, { headers: { accept: "application/json" }, cache: "no-store" });
    if (!response.ok) {
        let message = `${response.status} ${response.statusText}`;
        try {
            const body = (await response.json());
            if (body.error) {
                message = body.error;
            }
        }
        catch {
            // Not JSON: the status line says enough.
        }
        throw new ApiError(response.status, message);
    }
    return (await response.json());
}
