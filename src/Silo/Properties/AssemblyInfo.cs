// The orchestrator drives Linux machinery (Docker over a unix socket, iptables, file modes).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
