namespace Actors.Runtime.Hosting;

/// <summary>Runtime settings with Orleans' defaults (RUNTIME.md); tests shorten the timings.</summary>
public sealed class SiloOptions
{
    public string ClusterId { get; set; } = "actors";

    /// <summary>Shared by every silo of the cluster; authenticates silo-to-silo connections.</summary>
    public string ClusterSecret { get; set; } = "";

    /// <summary>This silo's name; node silos use the node name, which pinned grains are keyed by.</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    public string Role { get; set; } = "control-plane";

    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Port for silo-to-silo traffic; 0 means single-silo mode with no transport.</summary>
    public int SiloPort { get; set; }

    /// <summary>The API port advertised in the membership table, 0 for none.</summary>
    public int ProxyPort { get; set; }

    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle activations older than this are collected (Orleans' CollectionAge).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    public MembershipOptions Membership { get; set; } = new();

    public ReminderOptions Reminders { get; set; } = new();

    /// <summary>Every bad setting, each named; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            errors.Add("ClusterId must not be empty.");
        }
        if (SiloPort is < 0 or > 65535)
        {
            errors.Add($"SiloPort {SiloPort} is not a port number (0-65535).");
        }
        if (SiloPort > 0 && ClusterSecret.Length < 16)
        {
            errors.Add("ClusterSecret must be at least 16 characters when the silo listens for peers.");
        }
        if (ResponseTimeout <= TimeSpan.Zero)
        {
            errors.Add("ResponseTimeout must be positive.");
        }
        if (CollectionAge <= TimeSpan.Zero || CollectionQuantum <= TimeSpan.Zero)
        {
            errors.Add("CollectionAge and CollectionQuantum must be positive.");
        }
        errors.AddRange(Membership.Validate());
        return errors;
    }
}
