#!/usr/bin/env bash
# Validates the deployment files: docker-compose.yml with docker-compose
# (with the example environment, and refusing to run without the secrets),
# and the Kubernetes manifests in deploy/k8s against Kubernetes' schemas
# (kubernetes-validate, strict: unknown fields fail). No cluster or Docker
# engine is needed. scripts/ensure-test-tools.sh installs both tools.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${SMARTEXPENSE_PYTHON:-$(scripts/ensure-test-tools.sh)}"
kubernetes_version="${KUBERNETES_VERSION:-1.32.0}"

docker-compose --env-file deploy/compose.env.example -f docker-compose.yml config --quiet
if docker-compose --env-file /dev/null -f docker-compose.yml config --quiet 2>/dev/null; then
  echo "check-deploy: docker-compose.yml must refuse to run without its secrets" >&2
  exit 1
fi
"$(dirname "$python")/kubernetes-validate" --strict --quiet -k "$kubernetes_version" deploy/k8s/*.yaml
echo "check-deploy: docker-compose.yml and deploy/k8s are valid (Kubernetes $kubernetes_version)"
