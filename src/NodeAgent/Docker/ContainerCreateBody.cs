using System.Text.Json.Nodes;

namespace Actors.NodeAgent.Docker;

/// <summary>Builds the body of <c>POST /containers/create</c> from a request, or names the field that is wrong.</summary>
internal static class ContainerCreateBody
{
    public static string? Validate(ContainerCreateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return "ContainerCreateRequest.Name is required";
        }
        if (string.IsNullOrWhiteSpace(request.Image))
        {
            return "ContainerCreateRequest.Image is required";
        }
        if (request.HostConfig.Memory < 0)
        {
            return $"ContainerCreateRequest.HostConfig.Memory must not be negative (was {request.HostConfig.Memory})";
        }
        if (request.HostConfig.NanoCpus < 0)
        {
            return $"ContainerCreateRequest.HostConfig.NanoCpus must not be negative (was {request.HostConfig.NanoCpus})";
        }
        var ports = (request.ExposedPorts ?? []).Concat(request.HostConfig.PortBindings?.Select(b => b.ContainerPort) ?? []);
        foreach (var port in ports)
        {
            if (port.Port is < 1 or > 65535 || port.Protocol is not ("tcp" or "udp" or "sctp"))
            {
                return $"ContainerCreateRequest port {port} is not a port 1-65535 with protocol tcp, udp or sctp";
            }
        }
        foreach (var binding in request.HostConfig.PortBindings ?? [])
        {
            if (binding.HostPort is < 0 or > 65535)
            {
                return $"ContainerCreateRequest.HostConfig.PortBindings host port {binding.HostPort} is not 0-65535";
            }
        }
        return null;
    }

    public static JsonObject Build(ContainerCreateRequest request)
    {
        var body = new JsonObject { ["Image"] = request.Image, ["Tty"] = request.Tty, ["OpenStdin"] = request.OpenStdin, ["StdinOnce"] = request.StdinOnce };
        AddList(body, "Cmd", request.Cmd);
        AddList(body, "Entrypoint", request.Entrypoint);
        AddList(body, "Env", request.Env);
        AddString(body, "WorkingDir", request.WorkingDir);
        AddString(body, "Hostname", request.Hostname);
        AddMap(body, "Labels", request.Labels);

        // A published port must also be exposed, or the engine ignores its binding.
        var exposed = (request.ExposedPorts ?? []).Concat(request.HostConfig.PortBindings?.Select(b => b.ContainerPort) ?? [])
            .Select(p => p.ToString()).Distinct(StringComparer.Ordinal).ToList();
        if (exposed.Count > 0)
        {
            var ports = new JsonObject();
            foreach (var port in exposed)
            {
                ports[port] = new JsonObject();
            }
            body["ExposedPorts"] = ports;
        }
        body["HostConfig"] = BuildHostConfig(request.HostConfig);
        return body;
    }

    private static JsonObject BuildHostConfig(ContainerHostConfig config)
    {
        var host = new JsonObject
        {
            // The agent owns restarts (pod restartPolicy with backoff); the engine never restarts on its own.
            ["RestartPolicy"] = new JsonObject { ["Name"] = "no", ["MaximumRetryCount"] = 0 },
        };
        AddString(host, "NetworkMode", config.NetworkMode);
        AddList(host, "Binds", config.Binds);
        if (config.Memory is > 0)
        {
            host["Memory"] = config.Memory.Value;
        }
        if (config.NanoCpus is > 0)
        {
            host["NanoCpus"] = config.NanoCpus.Value;
        }
        if (config.Init is { } init)
        {
            host["Init"] = init;
        }
        AddList(host, "ExtraHosts", config.ExtraHosts);
        AddList(host, "Dns", config.Dns);
        AddList(host, "DnsSearch", config.DnsSearch);
        AddList(host, "DnsOptions", config.DnsOptions);
        AddMap(host, "Tmpfs", config.Tmpfs);
        if (config.PortBindings is { Count: > 0 } bindings)
        {
            var map = new JsonObject();
            foreach (var group in bindings.GroupBy(b => b.ContainerPort.ToString(), StringComparer.Ordinal))
            {
                var list = new JsonArray();
                foreach (var binding in group)
                {
                    list.Add(new JsonObject
                    {
                        ["HostIp"] = binding.HostIp,
                        ["HostPort"] = binding.HostPort == 0 ? "" : binding.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
                map[group.Key] = list;
            }
            host["PortBindings"] = map;
        }
        return host;
    }

    private static void AddString(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }

    private static void AddList(JsonObject target, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            target[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
    }

    private static void AddMap(JsonObject target, string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is { Count: > 0 })
        {
            var map = new JsonObject();
            foreach (var (key, value) in values)
            {
                map[key] = value;
            }
            target[name] = map;
        }
    }
}
