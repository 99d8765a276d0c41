#!/usr/bin/env bash
# Checks the Kubernetes manifests in deploy/k8s without a cluster: schemas of their kinds (kubernetes-models from npm),
# unknown fields (their TypeScript types), and the references between them. See deploy/k8s/check/validate.mjs.
set -euo pipefail
cd "$(dirname "$0")/k8s/check"
[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
node validate.mjs
