namespace Actors.Grains.Controllers.Deployments;

/// <summary>One entry of a Deployment's <c>status.conditions</c>.</summary>
public sealed record DeploymentCondition(string Type, string Status, string Reason, string Message, DateTimeOffset LastUpdateTime, DateTimeOffset LastTransitionTime);
