// Every resource grain of this project speaks the same contracts; naming them once keeps the per-kind
// grain files to what differs between kinds.
global using Actors.Grains.Abstractions.Objects;
global using Actors.Grains.Abstractions.Store;
global using Actors.Grains.Diagnostics;
global using Actors.Grains.Objects;
global using Actors.Placement;
global using Microsoft.Extensions.Logging;
