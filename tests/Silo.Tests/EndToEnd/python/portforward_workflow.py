"""kubectl port-forward's counterpart in the python3-kubernetes client (WebSocket channels, v4.channel.k8s.io).

Usage: portforward_workflow.py KUBECONFIG NAMESPACE POD PORT CLOSED_PORT
Prints one `fact: value` line per step for the calling test to assert on; any failure raises (exit code 1).
"""
import sys
import time

from kubernetes import client, config
from kubernetes.stream import portforward


def fact(key, value):
    print(f"{key}: {value}", flush=True)


def main(kubeconfig, namespace, pod, port, closed_port):
    config.load_kube_config(kubeconfig)
    core = client.CoreV1Api()
    port, closed_port = int(port), int(closed_port)

    forward = portforward(core.connect_get_namespaced_pod_portforward, pod, namespace, ports=f"{port},{closed_port}")
    connection = forward.socket(port)
    connection.settimeout(30)
    connection.sendall(b"GET /index.html HTTP/1.0\r\n\r\n")
    answer = b""
    while True:
        data = connection.recv(4096)
        if not data:
            break
        answer += data
    fact("body", repr(answer.split(b"\r\n\r\n", 1)[-1].decode()))

    deadline = time.time() + 30
    while forward.error(closed_port) is None and time.time() < deadline:
        time.sleep(0.05)
    fact("closed port error", forward.error(closed_port))
    forward.close()


if __name__ == "__main__":
    main(*sys.argv[1:6])
