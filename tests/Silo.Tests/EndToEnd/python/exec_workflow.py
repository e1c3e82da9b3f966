"""kubectl exec's counterpart in the python3-kubernetes client (WebSocket, v4.channel.k8s.io) against an Actors node.

Usage: exec_workflow.py KUBECONFIG NAMESPACE POD
Prints one `fact: value` line per step for the calling test to assert on; any failure raises (exit code 1).
"""
import sys
import time

from kubernetes import client, config
from kubernetes.stream import stream


def fact(key, value):
    print(f"{key}: {value}", flush=True)


def main(kubeconfig, namespace, pod):
    config.load_kube_config(kubeconfig)
    core = client.CoreV1Api()
    exec_in = core.connect_get_namespaced_pod_exec

    output = stream(exec_in, pod, namespace, command=["sh", "-c", "echo py-out; echo py-err >&2"],
                    stdin=False, stdout=True, stderr=True, tty=False, _preload_content=False)
    output.run_forever(timeout=30)
    fact("stdout", repr(output.read_stdout()))
    fact("stderr", repr(output.read_stderr()))

    session = stream(exec_in, pod, namespace, command=["sh", "-c", "read line; echo got:$line"],
                     stdin=True, stdout=True, stderr=True, tty=False, _preload_content=False)
    session.write_stdin("py-stdin\n")
    echoed = ""
    deadline = time.time() + 30
    while session.is_open() and time.time() < deadline:
        session.update(timeout=1)
        if session.peek_stdout():
            echoed += session.read_stdout()
    fact("stdin", repr(echoed))
    fact("stdin exit", session.returncode)

    failing = stream(exec_in, pod, namespace, command=["sh", "-c", "exit 4"],
                     stdin=False, stdout=True, stderr=True, tty=False, _preload_content=False)
    failing.run_forever(timeout=30)
    fact("exit", failing.returncode)


if __name__ == "__main__":
    main(*sys.argv[1:4])
