namespace Actors.Gateway.Dashboard.Objects;

/// <summary>
/// One deployment's rollout progress as <c>kubectl rollout status</c> reads it: updated, ready and available
/// replicas of the desired count, whether the controller has seen the latest spec, and whether the rollout has
/// stalled past its progress deadline (where <c>kubectl rollout status</c> fails).
/// </summary>
public sealed record DeploymentRow(
    string Namespace,
    string Name,
    int Desired,
    int Updated,
    int Ready,
    int Available,
    bool RolledOut,
    bool Stalled,
    bool Paused,
    double AgeSeconds,
    string Grain);
