namespace Actors;

/// <summary>Marker for every grain interface.</summary>
public interface IGrain
{
}

/// <summary>A grain addressed by a string key, such as <c>"default/web"</c>.</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>Builds references to grains. A purely local operation: nothing activates until the first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;
}
