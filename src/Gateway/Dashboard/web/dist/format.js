// Pure formatting of the numbers the dashboard shows.
export function rate(value) {
    if (value === 0) {
        return "0";
    }
    return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
export function milliseconds(value) {
    if (value === 0) {
        return "-";
    }
    return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}
export function duration(seconds) {
    const s = Math.floor(seconds);
    const days = Math.floor(s / 86400);
    const hours = Math.floor((s % 86400) / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    if (days > 0) {
        return `${days}d ${hours}h`;
    }
    if (hours > 0) {
        return `${hours}h ${minutes}m`;
    }
    return minutes > 0 ? `${minutes}m ${rest}s` : `${rest}s`;
}
export function time(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}
export function integer(value) {
    return Math.round(value).toLocaleString("en-US");
}
export function percent(value) {
    return `${value.toFixed(1)} %`;
}
export function bytes(value) {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let scaled = value;
    let unit = 0;
    while (scaled >= 1024 && unit < units.length - 1) {
        scaled /= 1024;
        unit++;
    }
    return unit === 0 ? `${scaled} B` : `${scaled.toFixed(1)} ${units[unit]}`;
}
/** CPU in cores from millicores, as kubectl prints requests: "250m" under one core, "1.5" above. */
export function cores(milli) {
    return milli < 1000 ? `${Math.round(milli)}m` : `${Number((milli / 1000).toFixed(2))}`;
}
/** "used / total (pct)" for an allocation; no percentage when the total is zero. */
export function share(used, total, usedValue, totalValue) {
    return totalValue > 0 ? `${used} / ${total} (${Math.round((usedValue / totalValue) * 100)}%)` : `${used} / ${total}`;
}
