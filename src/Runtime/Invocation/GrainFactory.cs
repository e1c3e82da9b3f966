using System.Reflection;

namespace Actors.Runtime.Invocation;

internal sealed class GrainFactory(GrainCallInvoker invoker) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainClass = invoker.Manifest.GetClassForInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create(typeof(TGrainInterface), typeof(GrainReference));
        ((GrainReference)proxy).Initialize(new GrainId(grainClass.GrainType, primaryKey), invoker);
        return (TGrainInterface)proxy;
    }
}
