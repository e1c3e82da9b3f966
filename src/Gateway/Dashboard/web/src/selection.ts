// What the page shows lives in the URL hash, so a drill-down or a page of objects can be linked and survives refresh.

import { el } from "./dom.js";

export type ObjectKind = "deployments" | "pods" | "nodes";

export interface Selection {
  /** A grain type whose activations to list. */
  type: string | null;
  /** One grain id (type/key) to show in detail. */
  grain: string | null;
  objects: ObjectKind;
  /** Only objects in this namespace; null for all. */
  namespace: string | null;
  offset: number;
}

const OBJECT_KINDS: readonly ObjectKind[] = ["deployments", "pods", "nodes"];

export function selection(): Selection {
  const params = new URLSearchParams(location.hash.slice(1));
  const objects = params.get("objects");
  const offset = Number.parseInt(params.get("offset") ?? "", 10);
  return {
    type: params.get("type"),
    grain: params.get("grain"),
    objects: OBJECT_KINDS.find((k) => k === objects) ?? "deployments",
    namespace: params.get("namespace") || null,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The hash for the current selection with some of it changed. */
export function hashFor(changes: Partial<Selection>): string {
  const target = { ...selection(), ...changes };
  const params = new URLSearchParams();
  if (target.type) {
    params.set("type", target.type);
  }
  if (target.grain) {
    params.set("grain", target.grain);
  }
  if (target.objects !== "deployments") {
    params.set("objects", target.objects);
  }
  if (target.namespace) {
    params.set("namespace", target.namespace);
  }
  if (target.offset > 0) {
    params.set("offset", String(target.offset));
  }
  return `#${params.toString()}`;
}

export function link(text: string, changes: Partial<Selection>, testId: string): HTMLAnchorElement {
  return el("a", { href: hashFor(changes), "data-testid": testId }, text);
}

/** A link to one grain's detail: its type's activations and the grain itself. */
export function grainLink(text: string, grainId: string, testId: string): HTMLAnchorElement {
  return link(text, { type: grainId.split("/")[0] ?? null, grain: grainId }, testId);
}
