using Actors.Runtime.Directory;
using Actors.Runtime.Membership;

namespace Actors.Runtime.Hosting;

/// <summary>The shared tables a multi-silo cluster needs beyond grain state.</summary>
public sealed record ClusterStores(IMembershipTable MembershipTable, IGrainDirectory GrainDirectory);
