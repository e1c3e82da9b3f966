using System.Reflection;
using Actors.Runtime.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Activation;

/// <summary>
/// Creates a grain instance: <c>[PersistentState]</c> parameters get a state bound to this grain, every
/// other parameter comes from the service provider (Orleans' constructor injection).
/// </summary>
internal static class GrainConstructor
{
    public static (Grain Grain, IReadOnlyList<IPersistentStateInfo> States) Create(GrainClass grainClass, GrainId grainId, ActivationServices services)
    {
        var constructor = grainClass.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{grainClass.Type.FullName} has no public constructor.");
        var states = new List<IPersistentStateInfo>();
        var arguments = constructor.GetParameters().Select(parameter =>
        {
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is null)
            {
                return services.ServiceProvider.GetRequiredService(parameter.ParameterType);
            }
            var state = CreateState(parameter.ParameterType, grainClass.GrainType, attribute.StateName, grainId.Key, services);
            states.Add(state);
            return state;
        }).ToArray();
        return ((Grain)constructor.Invoke(arguments), states);
    }

    private static IPersistentStateInfo CreateState(Type parameterType, string grainType, string stateName, string key, ActivationServices services)
    {
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"A [PersistentState] parameter must be IPersistentState<T>, not {parameterType.Name}.");
        }
        var stateType = typeof(PersistentStateImpl<>).MakeGenericType(parameterType.GetGenericArguments()[0]);
        return (IPersistentStateInfo)Activator.CreateInstance(stateType, $"{grainType}/{stateName}", stateName, key, services.Storage)!;
    }
}
