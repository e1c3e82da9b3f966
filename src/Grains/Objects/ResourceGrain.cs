using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Objects;

/// <summary>
/// The one writer of one object. Its state is the object's row in the object store, and the row's
/// resourceVersion is its ETag: every write is conditional on the version this activation last saw, so a
/// stale duplicate activation can never overwrite a newer object. Kinds with a control loop override
/// <see cref="ReconcileAsync"/>; it runs after every change and on a resync timer, and a durable keeper
/// reminder brings the grain (and its loop) back after its silo dies.
/// </summary>
public abstract partial class ResourceGrain(IObjectStore store, ILogger logger, string kind, string apiVersion) : Grain, IResourceGrain, IRemindable, Runtime.Management.IGrainDiagnostics
{
    private const string KeeperReminder = "keeper";

    private bool _keeperRegistered;

    /// <summary>
    /// How often the keeper reminder revives the grain after its silo died: the shortest period reminders
    /// allow, but not under 5 s (Orleans' one-minute minimum in production; seconds in the test profile).
    /// </summary>
    private TimeSpan KeeperPeriod =>
        ServiceProvider.GetService(typeof(Runtime.Hosting.ReminderOptions)) is Runtime.Hosting.ReminderOptions options
            ? TimeSpan.FromTicks(Math.Max(options.MinimumReminderPeriod.Ticks, TimeSpan.FromSeconds(5).Ticks))
            : TimeSpan.FromMinutes(1);

    protected IObjectStore Store { get; } = store;

    protected ILogger Logger { get; } = logger;

    protected ObjectKey Key { get; private set; }

    /// <summary>
    /// The object as stored, or null when it does not exist. Between reconciles only its UTF-8 JSON is kept: a
    /// parsed tree costs several times the text (ten thousand pods' trees were most of the control plane's heap)
    /// and is needed only while the grain works, so the first read after a reconcile parses it again.
    /// </summary>
    protected JsonObject? Current
    {
        get => _current ??= _stored is null ? null : JsonNode.Parse(_stored) as JsonObject;
        private set
        {
            _current = value;
            _stored = value is null ? null : Utf8(value);
        }
    }

    private JsonObject? _current;
    private byte[]? _stored;

    /// <summary>The stored object's JSON, read from the kept text without parsing or serializing again.</summary>
    private string? StoredJson => _stored is null ? null : Encoding.UTF8.GetString(_stored);

    private static byte[] Utf8(JsonObject obj)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            obj.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The store's name of the kind, e.g. <c>Deployment</c>.</summary>
    protected string Kind { get; } = kind;

    protected string ApiVersion { get; } = apiVersion;

    /// <summary>How often the loop runs without a trigger; null for kinds without a loop.</summary>
    protected virtual TimeSpan? ResyncPeriod => null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Key = ObjectKey.FromGrainKey(Kind, GrainId.Key);
        Current = await Store.GetAsync(Kind, Key.Namespace, Key.Name, cancellationToken);
        if (ResyncPeriod is { } period)
        {
            this.RegisterGrainTimer(_ => RunReconcileAsync(), new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        }
    }

    public async Task<ObjectWriteResult> CreateAsync(string json)
    {
        var (obj, error) = ObjectJson.Parse(json);
        if (obj is null)
        {
            return Invalid(error!);
        }
        if (Current is not null)
        {
            return new ObjectWriteResult(ObjectWriteStatus.AlreadyExists, StoredJson, $"{Kind} \"{Key.Name}\" already exists");
        }
        var metadata = ObjectJson.Metadata(obj);
        metadata["name"] = Key.Name;
        if (Key.Namespace.Length > 0)
        {
            metadata["namespace"] = Key.Namespace;
        }
        obj["apiVersion"] = ApiVersion;
        obj["kind"] = Kind;
        var causes = Prepare(obj, old: null);
        if (causes.Count == 0)
        {
            causes = await AdmitAsync(obj, old: null);
        }
        if (causes.Count > 0)
        {
            return new ObjectWriteResult(ObjectWriteStatus.Invalid, null, $"{Kind} \"{Key.Name}\" is invalid", causes);
        }
        await EnsureKeeperAsync();
        switch (await Store.CreateAsync(Kind, obj))
        {
            case CreateResult.Created created:
                Current = created.Object;
                var createdJson = StoredJson!;
                await AfterChangeAsync(before: null);
                return new ObjectWriteResult(ObjectWriteStatus.Created, createdJson);
            case CreateResult.AlreadyExists exists:
                Current = exists.Current;
                return new ObjectWriteResult(ObjectWriteStatus.AlreadyExists, StoredJson, $"{Kind} \"{Key.Name}\" already exists");
            default:
                throw new InvalidOperationException("Unknown create result.");
        }
    }

    public async Task<ObjectWriteResult> UpdateAsync(string json)
    {
        var (obj, error) = ObjectJson.Parse(json);
        if (obj is null)
        {
            return Invalid(error!);
        }
        if (Current is null)
        {
            return NotFound();
        }
        if (ObjectJson.ResourceVersion(obj) is { Length: > 0 } expected && expected != ObjectJson.ResourceVersion(Current))
        {
            return Conflict();
        }
        var metadata = ObjectJson.Metadata(obj);
        metadata["name"] = Key.Name;
        if (Key.Namespace.Length > 0)
        {
            metadata["namespace"] = Key.Namespace;
        }
        obj["apiVersion"] = ApiVersion;
        obj["kind"] = Kind;
        // Only the status subresource writes status; a kind without one (ConfigMap) must not grow "status": null.
        if (Current["status"] is { } status)
        {
            obj["status"] = status.DeepClone();
        }
        else
        {
            obj.Remove("status");
        }
        var causes = Prepare(obj, Current);
        if (causes.Count == 0)
        {
            causes = await AdmitAsync(obj, Current);
        }
        if (causes.Count > 0)
        {
            return new ObjectWriteResult(ObjectWriteStatus.Invalid, null, $"{Kind} \"{Key.Name}\" is invalid", causes);
        }
        return await WriteAsync(obj);
    }

    public async Task<ObjectWriteResult> UpdateStatusAsync(string json)
    {
        var (obj, error) = ObjectJson.Parse(json);
        if (obj is null)
        {
            return Invalid(error!);
        }
        if (Current is null)
        {
            return NotFound();
        }
        var updated = Current.DeepClone().AsObject();
        updated["status"] = obj["status"]?.DeepClone();
        return await WriteAsync(updated);
    }

    public async Task<ObjectWriteResult> DeleteAsync(DeleteRequest request)
    {
        if (Current is null)
        {
            return NotFound();
        }
        if ((request.PreconditionResourceVersion is { } rv && rv != ObjectJson.ResourceVersion(Current))
            || (request.PreconditionUid is { } uid && uid != ObjectJson.Uid(Current)))
        {
            return Conflict();
        }
        if (await OnDeleteRequestedAsync(request) is { } handled)
        {
            return handled;
        }
        var finalizers = ObjectJson.Finalizers(Current).ToList();
        if (request.Propagation == PropagationPolicy.Foreground && !finalizers.Contains(ForegroundFinalizer))
        {
            finalizers.Add(ForegroundFinalizer);
        }
        if (finalizers.Count > 0)
        {
            var marked = Current.DeepClone().AsObject();
            var metadata = ObjectJson.Metadata(marked);
            metadata["deletionTimestamp"] ??= ObjectJson.Timestamp(Clock.GetUtcNow());
            metadata["deletionGracePeriodSeconds"] ??= request.GracePeriodSeconds ?? 0;
            metadata["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray());
            var result = await WriteAsync(marked);
            return result.Succeeded ? result with { Status = ObjectWriteStatus.Deleting } : result;
        }
        return await RemoveAsync(request.Propagation);
    }

    public Task<string?> GetAsync() => Task.FromResult(StoredJson);

    /// <summary>
    /// Asks for a reconcile soon. Many children changing at once (a hundred pods starting) coalesce into one
    /// pass a moment later instead of a hundred.
    /// </summary>
    protected void RequestReconcile() => RequestReconcile(ReconcileDebounce);

    /// <summary>Asks for a reconcile in its own turn after <paramref name="delay"/>; requests made meanwhile join it.</summary>
    private void RequestReconcile(TimeSpan delay)
    {
        if (_reconcileRequested)
        {
            return;
        }
        _reconcileRequested = true;
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(async _ =>
        {
            timer!.Dispose();
            _reconcileRequested = false;
            await RunReconcileAsync();
        }, delay, Timeout.InfiniteTimeSpan);
    }

    private static readonly TimeSpan ReconcileDebounce = TimeSpan.FromMilliseconds(20);

    private bool _reconcileRequested;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Current is null)
        {
            // The object is gone (its silo died before the keeper was removed): nothing is left to keep.
            await RemoveKeeperAsync();
            DeactivateOnIdle();
            return;
        }
        await RunReconcileAsync();
    }

    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>A kind that deletes in its own way (a namespace empties itself first) answers here; null means the usual way.</summary>
    protected virtual Task<ObjectWriteResult?> OnDeleteRequestedAsync(DeleteRequest request) => Task.FromResult<ObjectWriteResult?>(null);

    /// <summary>Defaulting and validation of a create (old null) or update; the causes, empty when valid.</summary>
    protected virtual IReadOnlyList<ValidationCauseInfo> Prepare(JsonObject obj, JsonObject? old) => [];

    /// <summary>
    /// Admission after <see cref="Prepare"/> that needs other grains: claims server-allocated values (a Service's
    /// clusterIP and nodePorts) into <paramref name="obj"/>; the causes, empty when admitted.
    /// </summary>
    protected virtual Task<IReadOnlyList<ValidationCauseInfo>> AdmitAsync(JsonObject obj, JsonObject? old) =>
        Task.FromResult<IReadOnlyList<ValidationCauseInfo>>([]);

    /// <summary>Runs after every stored change (after null: removed), for grains that tell others about this object.</summary>
    protected virtual Task OnChangedAsync(JsonObject? before, JsonObject? after) => Task.CompletedTask;

    /// <summary>The kind of owner that adopts this object when it has no controller (a Pod's ReplicaSets); null for none.</summary>
    protected virtual string? AdoptingKind => null;

    /// <summary>The control loop: observe, decide with a pure planner, act. Must be idempotent.</summary>
    protected virtual Task ReconcileAsync() => Task.CompletedTask;

    /// <summary>Runs when the object is gone: delete or orphan dependents.</summary>
    protected virtual Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation) => Task.CompletedTask;

    /// <summary>Writes a new version of this object conditional on the version this activation holds.</summary>
    protected async Task<ObjectWriteResult> WriteAsync(JsonObject updated)
    {
        if (Current is null)
        {
            return NotFound();
        }
        await EnsureKeeperAsync();
        switch (await Store.UpdateAsync(Kind, updated, ObjectJson.ResourceVersion(Current)))
        {
            case UpdateResult.Updated written:
                var changed = ObjectJson.ResourceVersion(written.Object) != ObjectJson.ResourceVersion(Current);
                var before = Current;
                Current = written.Object;
                if (!changed)
                {
                    return new ObjectWriteResult(ObjectWriteStatus.Unchanged, StoredJson);
                }
                // Taken before the loop runs: it may change the object again or, for a namespace, remove it.
                var writtenJson = StoredJson!;
                await AfterChangeAsync(before);
                return new ObjectWriteResult(ObjectWriteStatus.Updated, writtenJson);
            case UpdateResult.Conflict conflict:
                // Another writer got there first: this activation is stale. Take the stored object and say so.
                Current = conflict.Current;
                return Conflict();
            default:
                Current = null;
                return NotFound();
        }
    }

    /// <summary>Removes the row and lets dependents follow.</summary>
    protected async Task<ObjectWriteResult> RemoveAsync(PropagationPolicy propagation)
    {
        if (Current is null)
        {
            return NotFound();
        }
        switch (await Store.DeleteAsync(Kind, Key.Namespace, Key.Name, ObjectJson.ResourceVersion(Current), null))
        {
            case DeleteResult.Deleted deleted:
                Current = null;
                await RemoveKeeperAsync();
                await OnDeletedAsync(deleted.Last, propagation);
                await OnChangedAsync(deleted.Last, after: null);
                await NotifyOwnerAsync(deleted.Last);
                DeactivateOnIdle();
                return new ObjectWriteResult(ObjectWriteStatus.Deleted, deleted.Last.ToJsonString());
            case DeleteResult.Conflict conflict:
                Current = conflict.Current;
                return Conflict();
            default:
                Current = null;
                return NotFound();
        }
    }

    /// <summary>
    /// Registers the keeper before this activation's first write, not after it: a silo that dies between the two
    /// then leaves at worst a keeper of nothing (its tick removes it), never an object that nothing revives (a pod
    /// created just before its silo died stayed Pending for good). Once per activation: the row outlives it, and a
    /// write per change would double the store's fsyncs.
    /// </summary>
    private async Task EnsureKeeperAsync()
    {
        if (ResyncPeriod is not null && !_keeperRegistered)
        {
            await this.RegisterOrUpdateReminder(KeeperReminder, KeeperPeriod, KeeperPeriod);
            _keeperRegistered = true;
        }
    }

    private async Task AfterChangeAsync(JsonObject? before)
    {
        await OnChangedAsync(before, Current);
        // In a turn of its own: the caller's write is done and answered now, as an API server answers before
        // its controllers act; a Deployment's create must not wait for its ReplicaSet's hundred pods.
        RequestReconcile(TimeSpan.Zero);
        if (Current is not null)
        {
            await NotifyOwnerAsync(Current);
        }
        if (Current is not null && AdoptingKind is { } adopting && Key.Namespace.Length > 0)
        {
            await AdopterNotifier.NotifyAsync(GrainFactory, Store, Logger, adopting, before, Current);
        }
    }

    private async Task RemoveKeeperAsync()
    {
        if (ResyncPeriod is null)
        {
            return;
        }
        _keeperRegistered = false;
        try
        {
            await this.UnregisterReminder(new KeeperName());
        }
        catch (Exception exception)
        {
            // The deletion stands; the stale keeper's next tick finds no object and tries again.
            LogKeeperRemovalFailed(Logger, IdentityString, exception.Message);
        }
    }

    /// <summary>Names the keeper reminder; the reminder service finds its row by name.</summary>
    private sealed record KeeperName : IGrainReminder
    {
        public string ReminderName => KeeperReminder;
    }

    private async Task RunReconcileAsync()
    {
        try
        {
            await ReconcileStoredAsync();
        }
        finally
        {
            // Every write requests a reconcile, so this is where a grain's work on its object ends for now.
            _current = null;
        }
    }

    private async Task ReconcileStoredAsync()
    {
        if (_stored is null)
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var startedAt = Clock.GetUtcNow();
        string? error = null;
        var actions = _actions = [];
        try
        {
            await ReconcileAsync();
        }
        catch (Exception exception)
        {
            error = exception.Message;
            LogReconcileFailed(Logger, IdentityString, exception);
        }
        // Kinds without a loop (a ConfigMap) reconcile nothing: timing their no-op would only dilute the histogram.
        if (ResyncPeriod is not null)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            OrchestratorInstruments.RecordReconcile(Kind, elapsed, error is not null);
            _lastReconcile = new ReconcileRecord(startedAt, elapsed, error, actions.Count == 0 ? [] : [.. actions]);
        }
    }

    /// <summary>The last pass, for the dashboard; kept as values and turned into JSON only when asked for.</summary>
    private sealed record ReconcileRecord(DateTimeOffset At, TimeSpan Elapsed, string? Error, string[] Actions)
    {
        public string ToJson() => new JsonObject
        {
            ["at"] = At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["durationMs"] = Math.Round(Elapsed.TotalMilliseconds, 3),
            ["result"] = Error is null ? "ok" : "error",
            ["error"] = Error,
            ["actions"] = new JsonArray([.. Actions.Select(a => (JsonNode?)JsonValue.Create(a))]),
        }.ToJsonString();
    }

    private List<string> _actions = [];

    private TimeProvider? _clock;

    /// <summary>The silo's clock (a test host may register its own), resolved once per activation.</summary>
    protected TimeProvider Clock => _clock ??= ServiceProvider.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    private ReconcileRecord? _lastReconcile;

    /// <summary>Records an Event about <paramref name="involved"/> and notes it as an action of the running reconcile.</summary>
    protected void Report(IEventSink events, JsonObject involved, string type, string reason, string message, string component)
    {
        KubernetesEvents.Record(events, involved, type, reason, message, component, Clock.GetUtcNow());
        _actions.Add($"{reason}: {message}");
    }

    /// <summary>The object as this grain holds it and its last reconcile (when, how long, result, actions), for the dashboard.</summary>
    public IReadOnlyDictionary<string, string> DescribeState()
    {
        var described = new Dictionary<string, string>(StringComparer.Ordinal);
        if (StoredJson is { } stored)
        {
            described["object"] = stored;
        }
        if (_lastReconcile is { } last)
        {
            described["lastReconcile"] = last.ToJson();
        }
        return described;
    }

    /// <summary>Tells the controller owner (a ReplicaSet, a Deployment) that this child changed.</summary>
    protected async Task NotifyOwnerAsync(JsonObject obj)
    {
        if (ObjectJson.Controller(obj) is not { } owner || Key.Namespace.Length == 0)
        {
            return;
        }
        if (ResourceGrains.For(GrainFactory, owner.Kind, Key.Namespace, owner.Name) is not IOwnerGrain grain)
        {
            return;
        }
        try
        {
            await grain.ChildChangedAsync();
        }
        catch (Exception exception)
        {
            // The owner's resync repairs what this missed.
            LogOwnerNotifyFailed(Logger, IdentityString, owner.Name, exception.Message);
        }
    }

    private ObjectWriteResult Invalid(string message) =>
        new(ObjectWriteStatus.Invalid, null, message, [new ValidationCauseInfo("FieldValueInvalid", message, "")]);

    private ObjectWriteResult NotFound() => new(ObjectWriteStatus.NotFound, null, $"{Kind} \"{Key.Name}\" not found");

    private ObjectWriteResult Conflict() => new(ObjectWriteStatus.Conflict, StoredJson,
        $"Operation cannot be fulfilled on {Kind} \"{Key.Name}\": the object has been modified; please apply your changes to the latest version and try again");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: reconcile failed")]
    private static partial void LogReconcileFailed(ILogger logger, string grain, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Grain}: telling owner {Owner} failed: {Error}")]
    private static partial void LogOwnerNotifyFailed(ILogger logger, string grain, string owner, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Grain}: removing the keeper reminder failed: {Error}")]
    private static partial void LogKeeperRemovalFailed(ILogger logger, string grain, string error);
}
