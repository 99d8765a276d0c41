# Debian packages the scripts need, installed when missing (root, or sudo without a password); otherwise the
# script stops and names the package to install.
# Usage: ensure_packages <command-to-check> <package>...
ensure_packages() {
  local check=$1; shift
  command -v "$check" >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo -n"
  echo "Installing $* (Debian packages)…"
  $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; } \
    || { echo "Could not install $*: install them (apt-get install $*) and run again." >&2; return 1; }
  # The packages' own services are not wanted: the scripts start their own instances on loopback.
  for service in redis-server nginx; do
    if [[ " $* " == *" $service "* ]]; then $sudo service "$service" stop >/dev/null 2>&1 || true; fi
  done
}
