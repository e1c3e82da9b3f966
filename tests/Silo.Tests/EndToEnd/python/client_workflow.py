"""The everyday workflow of the python3-kubernetes client against an Actors server.

Usage: client_workflow.py KUBECONFIG NAMESPACE NAME
Prints one `fact: value` line per step for the calling test to assert on; any failure raises (exit code 1).
The kubeconfig's cluster CA is trusted as is: TLS verification stays on.
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException


def fact(key, value):
    print(f"{key}: {value}", flush=True)


def running_pods(core, namespace, selector, want, timeout_seconds=60):
    """Watches the pods of the selector until `want` of them are Running; returns their names."""
    running = set()
    stream = watch.Watch()
    for event in stream.stream(core.list_namespaced_pod, namespace, label_selector=selector, timeout_seconds=timeout_seconds):
        pod = event["object"]
        if event["type"] == "DELETED" or pod.status.phase != "Running" or pod.metadata.deletion_timestamp:
            running.discard(pod.metadata.name)
        else:
            running.add(pod.metadata.name)
        if len(running) == want:
            stream.stop()
            return running
    raise RuntimeError(f"only {len(running)} of {want} pods became Running")


def pods_gone(core, namespace, selector, timeout_seconds=60):
    """Lists, then watches from the list's resourceVersion until no pod of the selector is left; returns the rest."""
    listed = core.list_namespaced_pod(namespace, label_selector=selector)
    left = {pod.metadata.name for pod in listed.items}
    if not left:
        return left
    stream = watch.Watch()
    for event in stream.stream(core.list_namespaced_pod, namespace, label_selector=selector,
                               resource_version=listed.metadata.resource_version, timeout_seconds=timeout_seconds):
        if event["type"] == "DELETED":
            left.discard(event["object"].metadata.name)
        else:
            left.add(event["object"].metadata.name)
        if not left:
            stream.stop()
            break
    return left


def main(kubeconfig, namespace, name):
    config.load_kube_config(config_file=kubeconfig)
    fact("verify_ssl", client.Configuration.get_default_copy().verify_ssl)
    apps = client.AppsV1Api()
    core = client.CoreV1Api()
    selector = f"app={name}"

    deployment = client.V1Deployment(
        metadata=client.V1ObjectMeta(name=name, labels={"app": name}),
        spec=client.V1DeploymentSpec(
            replicas=2,
            selector=client.V1LabelSelector(match_labels={"app": name}),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels={"app": name}),
                spec=client.V1PodSpec(containers=[client.V1Container(name=name, image="busybox:1")]),
            ),
        ),
    )
    created = apps.create_namespaced_deployment(namespace, deployment)
    fact("created", f"{created.metadata.name} replicas={created.spec.replicas} uid={created.metadata.uid}")

    try:
        apps.create_namespaced_deployment(namespace, deployment)
        fact("duplicate", "accepted")
    except ApiException as e:
        fact("duplicate", f"{e.status} {json.loads(e.body)['reason']}")

    listed = core.list_namespaced_pod(namespace, label_selector=selector)
    fact("listed", f"{len(listed.items)} pods, list resourceVersion set={bool(listed.metadata.resource_version)}")

    fact("running", " ".join(sorted(running_pods(core, namespace, selector, 2))))

    patched = apps.patch_namespaced_deployment(name, namespace, {"spec": {"replicas": 3}})
    fact("patched", f"replicas={patched.spec.replicas} generation={patched.metadata.generation}")
    fact("running after patch", len(running_pods(core, namespace, selector, 3)))

    fact("deleted", apps.delete_namespaced_deployment(name, namespace).status)

    try:
        apps.read_namespaced_deployment(name, namespace)
        fact("read after delete", "found")
    except ApiException as e:
        fact("read after delete", f"{e.status} {json.loads(e.body)['reason']}")
    fact("pods after delete", len(pods_gone(core, namespace, selector)))


if __name__ == "__main__":
    main(*sys.argv[1:4])
