// The JSON shapes of /dashboard/api/*, as the Gateway's records serialize them (camelCase).

export interface SiloView {
  address: string;
  name: string;
  role: string;
  status: string;
  startTime: string;
  iAmAliveTime: string;
  uptimeSeconds: number;
  activations: number;
  proxyPort: number;
  /** Null when the silo did not answer the last statistics round. */
  cpuPercent: number | null;
  memoryBytes: number | null;
}

export interface MembershipChange {
  time: string;
  address: string;
  name: string;
  previous: string | null;
  status: string;
}

export interface ClusterResponse {
  now: string;
  silos: SiloView[];
  history: MembershipChange[];
}

export interface GrainTypeRates {
  grainType: string;
  /** A silo address, or "*" for a row summed over silos. */
  silo: string;
  activations: number;
  callsPerSecond: number;
  exceptionsPerSecond: number;
  averageMs: number;
  p99Ms: number;
  timerTicksPerSecond: number;
  calls: number;
  errors: number;
  timerTicks: number;
}

export interface TotalsPoint {
  time: string;
  activations: number;
  callsPerSecond: number;
  exceptionsPerSecond: number;
  averageMs: number;
}

export interface GrainsResponse {
  now: string;
  sampleIntervalSeconds: number;
  totals: TotalsPoint;
  grainTypes: GrainTypeRates[];
  history: TotalsPoint[];
}

export interface GrainTypeResponse {
  grainType: string;
  latest: GrainTypeRates | null;
  history: TotalsPoint[];
  activationIds: string[];
}

export interface MethodView {
  grainType: string;
  method: string;
  calls: number;
  errors: number;
  averageMs: number;
  p99Ms: number;
  callsPerSecond: number;
  errorsPerSecond: number;
}

export interface MethodsResponse {
  now: string;
  byCalls: MethodView[];
  byLatency: MethodView[];
  byErrors: MethodView[];
}

export interface TimerView {
  dueTimeMs: number;
  periodMs: number;
  interleave: boolean;
  keepAlive: boolean;
  ticks: number;
}

export interface RecentCallView {
  method: string;
  started: string;
  elapsedMs: number;
  error: string | null;
}

export interface GrainDetailsResponse {
  grainId: string;
  activationId: string;
  silo: string;
  state: string;
  idleSeconds: number;
  persistentStates: Record<string, unknown>;
  timers: TimerView[];
  reminders: string[];
  recentCalls: RecentCallView[];
}

export interface DeploymentRow {
  namespace: string;
  name: string;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  rolledOut: boolean;
  stalled: boolean;
  paused: boolean;
  ageSeconds: number;
  grain: string;
}

export interface PodRow {
  namespace: string;
  name: string;
  node: string | null;
  phase: string;
  readyContainers: number;
  containers: number;
  restarts: number;
  ageSeconds: number;
  grain: string;
  /** The grain of the pod's controller (its ReplicaSet), null when it has none with a grain. */
  ownerGrain: string | null;
}

export interface NodeRow {
  name: string;
  ready: boolean;
  unschedulable: boolean;
  hollow: boolean;
  pods: number;
  allocatablePods: number;
  requestedMilliCpu: number;
  allocatableMilliCpu: number;
  requestedMemoryBytes: number;
  allocatableMemoryBytes: number;
  ageSeconds: number;
  grain: string;
}

export interface ObjectPage<T> {
  now: string;
  kind: string;
  namespace: string | null;
  offset: number;
  limit: number;
  more: boolean;
  items: T[];
}

/** A failed request: the API's { error } message when it sent one, else the HTTP status. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Relative to the page (served at /dashboard/), so a path base in front of the gateway keeps working. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: string };
      if (body.error) {
        message = body.error;
      }
    } catch {
      // Not JSON: the status line says enough.
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}
