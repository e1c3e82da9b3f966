namespace Actors;

/// <summary>Overrides the grain type name derived from the class name.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Activations of this grain class are never collected while idle.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KeepAliveAttribute : Attribute;

/// <summary>How long an activation of this class may stay idle before it is collected.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    public TimeSpan Amount { get; } = TimeSpan.FromMinutes(minutes);
}

/// <summary>Overrides the response timeout for one interface method, e.g. <c>"00:00:05"</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}
