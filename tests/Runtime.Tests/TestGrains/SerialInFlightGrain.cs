namespace Actors.Runtime.Tests.TestGrains;

public sealed class SerialInFlightGrain : InFlightGrainBase, ISerialInFlightGrain;
