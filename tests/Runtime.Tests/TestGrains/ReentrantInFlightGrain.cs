using Actors.Concurrency;

namespace Actors.Runtime.Tests.TestGrains;

[Reentrant]
public sealed class ReentrantInFlightGrain : InFlightGrainBase, IReentrantInFlightGrain;
