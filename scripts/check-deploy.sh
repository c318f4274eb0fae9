#!/usr/bin/env bash
# Validates the deployment files: docker-compose.yml with docker-compose
# (with the example environment, and refusing to run without the secrets),
# and the Kubernetes manifests in deploy/k8s against Kubernetes' schemas
# (kubernetes-validate, strict: unknown fields fail). No cluster or Docker
# engine is needed. scripts/ensure-test-tools.sh installs both tools.
#
# In the compose file it also checks that
#   - only `web` is published on every interface; anything else that
#     publishes a port (Mailpit, MinIO's console) binds it to 127.0.0.1;
#   - the app's services do not get MinIO's root login: their S3 key is
#     another user's, and no MINIO_ROOT_* reaches them.
#
#   scripts/check-deploy.sh              check
#   scripts/check-deploy.sh --self-test  prove the compose checks fail when they should
set -euo pipefail
cd "$(dirname "$0")/.."

python="${SMARTEXPENSE_PYTHON:-$(scripts/ensure-test-tools.sh)}"
kubernetes_version="${KUBERNETES_VERSION:-1.32.0}"

# Reads `docker-compose config` (YAML) on stdin; prints each problem, and
# exits 1 if there is any.
compose_rules() {
  "$python" -c '
import sys, yaml

APP = ("web", "worker", "migrate")
services = yaml.safe_load(sys.stdin)["services"]
problems = []
for name, service in services.items():
    for port in service.get("ports", []):
        if isinstance(port, dict):
            host_ip = port.get("host_ip", "")
        else:  # "[IP:]HOST:CONTAINER[/proto]"
            parts = str(port).split(":")
            host_ip = parts[0] if len(parts) == 3 else ""
        if name != "web" and host_ip != "127.0.0.1":
            problems.append(f"{name}: port {port} is published on every interface; bind it to 127.0.0.1")
root = services.get("minio", {}).get("environment", {}) or {}
for name in APP:
    env = services.get(name, {}).get("environment", {}) or {}
    for key in env:
        if key.startswith("MINIO_ROOT_"):
            problems.append(f"{name}: gets {key}, the store root login")
    if env.get("S3_ACCESS_KEY_ID") and env.get("S3_ACCESS_KEY_ID") == root.get("MINIO_ROOT_USER"):
        problems.append(f"{name}: S3_ACCESS_KEY_ID is the MinIO root user; give the app a user of its own")
    if env.get("S3_SECRET_ACCESS_KEY") and env.get("S3_SECRET_ACCESS_KEY") == root.get("MINIO_ROOT_PASSWORD"):
        problems.append(f"{name}: S3_SECRET_ACCESS_KEY is the MinIO root password")
for problem in problems:
    print(f"check-deploy: docker-compose.yml: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
'
}

if [[ "${1:-}" == "--self-test" ]]; then
  bad='services:
  web: {ports: ["5150:5150"], environment: {S3_ACCESS_KEY_ID: root, S3_SECRET_ACCESS_KEY: secret}}
  worker: {environment: {MINIO_ROOT_USER: root}}
  minio: {ports: [{target: 9001, published: 9001}], environment: {MINIO_ROOT_USER: root, MINIO_ROOT_PASSWORD: secret}}
  mailpit: {ports: [{target: 8025, published: 8025, host_ip: 127.0.0.1}, "127.0.0.1:1025:1025"]}
  postgres: {ports: ["5432:5432"]}'
  if problems=$(compose_rules <<<"$bad" 2>&1); then
    echo "check-deploy --self-test: the compose checks passed a bad file" >&2
    exit 1
  fi
  for expected in "minio: port" "postgres: port" "web: S3_ACCESS_KEY_ID" "web: S3_SECRET_ACCESS_KEY" "worker: gets MINIO_ROOT_USER"; do
    if ! grep -q "$expected" <<<"$problems"; then
      echo "check-deploy --self-test: no problem reported for \"$expected\": $problems" >&2
      exit 1
    fi
  done
  if grep -q "mailpit" <<<"$problems"; then
    echo "check-deploy --self-test: a port bound to 127.0.0.1 was reported: $problems" >&2
    exit 1
  fi
  echo "check-deploy --self-test: the compose checks fail when they should"
  exit 0
fi

docker-compose --env-file deploy/compose.env.example -f docker-compose.yml config --quiet
if docker-compose --env-file /dev/null -f docker-compose.yml config --quiet 2>/dev/null; then
  echo "check-deploy: docker-compose.yml must refuse to run without its secrets" >&2
  exit 1
fi
docker-compose --env-file deploy/compose.env.example -f docker-compose.yml config | compose_rules
"$(dirname "$python")/kubernetes-validate" --strict --quiet -k "$kubernetes_version" deploy/k8s/*.yaml
echo "check-deploy: docker-compose.yml and deploy/k8s are valid (Kubernetes $kubernetes_version)"
