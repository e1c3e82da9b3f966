namespace Actors.Gateway.Patching;

/// <summary>A field the applier would change that another manager owns; <see cref="Field"/> is in display form (<c>.spec.replicas</c>).</summary>
internal sealed record ApplyConflict(string Manager, string ApiVersion, string Field);
