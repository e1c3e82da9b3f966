using System.Collections.Frozen;
using System.Reflection;

namespace Actors.Runtime.Invocation;

/// <summary>
/// Every grain class the process knows, the interfaces they implement and their methods. All silos run the
/// same binary, so they build the same manifest; roles decide only where grains may be placed.
/// </summary>
internal sealed class GrainManifest
{
    private readonly FrozenDictionary<Type, GrainClass> _byInterface;
    private readonly FrozenSet<Type> _ambiguousInterfaces;
    private readonly FrozenDictionary<string, GrainClass> _byGrainType;
    private readonly FrozenDictionary<MethodInfo, GrainMethod> _byMethodInfo;
    private readonly FrozenDictionary<(string Interface, string Method), GrainMethod> _byWireName;

    public GrainManifest(IEnumerable<Type> grainClasses)
    {
        var byInterface = new Dictionary<Type, GrainClass>();
        var byGrainType = new Dictionary<string, GrainClass>(StringComparer.Ordinal);
        var byMethodInfo = new Dictionary<MethodInfo, GrainMethod>();
        var byWireName = new Dictionary<(string, string), GrainMethod>();
        var ambiguous = new HashSet<Type>();

        foreach (var type in grainClasses.Distinct())
        {
            if (!typeof(Grain).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new ArgumentException($"{type.FullName} is not a concrete subclass of Grain.");
            }
            var grainClass = new GrainClass(type);
            if (!byGrainType.TryAdd(grainClass.GrainType, grainClass))
            {
                throw new InvalidOperationException(
                    $"Grain type '{grainClass.GrainType}' is declared by both {byGrainType[grainClass.GrainType].Type.FullName} and {type.FullName}.");
            }
            foreach (var interfaceType in type.GetInterfaces().Where(IsGrainInterface))
            {
                // An interface with several implementations (a base interface, IRemindable) cannot name a grain
                // type by itself; it stays callable on references made through a more specific interface.
                if (!byInterface.TryAdd(interfaceType, grainClass))
                {
                    ambiguous.Add(interfaceType);
                }
                foreach (var method in AllMethods(interfaceType))
                {
                    if (byMethodInfo.ContainsKey(method))
                    {
                        continue;
                    }
                    var grainMethod = GrainMethodFactory.Create(method.DeclaringType!, method);
                    byMethodInfo[method] = grainMethod;
                    byWireName[(grainMethod.InterfaceName, grainMethod.Name)] = grainMethod;
                }
            }
        }

        foreach (var interfaceType in ambiguous)
        {
            byInterface.Remove(interfaceType);
        }
        _ambiguousInterfaces = ambiguous.ToFrozenSet();
        _byInterface = byInterface.ToFrozenDictionary();
        _byGrainType = byGrainType.ToFrozenDictionary();
        _byMethodInfo = byMethodInfo.ToFrozenDictionary();
        _byWireName = byWireName.ToFrozenDictionary();
    }

    public IEnumerable<GrainClass> Classes => _byGrainType.Values;

    public GrainClass GetClassForInterface(Type interfaceType)
    {
        if (_byInterface.TryGetValue(interfaceType, out var grainClass))
        {
            return grainClass;
        }
        throw new GrainCallException(_ambiguousInterfaces.Contains(interfaceType)
            ? $"{interfaceType.FullName} is implemented by several grain classes; get the grain through a more specific interface."
            : $"No grain class implements {interfaceType.FullName}; is it registered with the silo?");
    }

    public bool TryGetClass(string grainType, out GrainClass grainClass) => _byGrainType.TryGetValue(grainType, out grainClass!);

    public GrainClass GetClass(string grainType) =>
        TryGetClass(grainType, out var grainClass)
            ? grainClass
            : throw new GrainCallException($"Unknown grain type '{grainType}'.");

    public GrainMethod GetMethod(MethodInfo method) =>
        _byMethodInfo.TryGetValue(method, out var grainMethod)
            ? grainMethod
            : throw new GrainCallException($"{method.DeclaringType?.FullName}.{method.Name} is not a method of a registered grain interface.");

    public bool TryGetMethod(string interfaceName, string methodName, out GrainMethod method) =>
        _byWireName.TryGetValue((interfaceName, methodName), out method!);

    private static bool IsGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey);

    private static IEnumerable<MethodInfo> AllMethods(Type interfaceType) =>
        interfaceType.GetMethods().Where(m => !m.IsSpecialName && !m.IsStatic);
}
