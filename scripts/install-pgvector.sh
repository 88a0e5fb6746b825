#!/usr/bin/env bash
# Installs the pgvector extension into the machine's PostgreSQL 15 when it is missing: Debian 12
# has no package, so trixie's *source* package is built against postgresql-server-dev-15
# (../shared/STACK.md). Idempotent; does nothing when the extension is already available.
set -euo pipefail

PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
if [ ! -x "$PG_CONFIG" ] && ! command -v pg_config >/dev/null 2>&1 && [ ! -d /usr/lib/postgresql/15 ]; then
  echo "install-pgvector: no PostgreSQL 15 here; skipped" >&2
  exit 0
fi
if [ -f /usr/share/postgresql/15/extension/vector.control ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install-pgvector: needs root to install; skipped" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# The source entry reuses the mirror the system already uses (no host name written here).
mirror=$(grep -rhoE 'https?://[^ ]+/debian\b' /etc/apt/sources.list /etc/apt/sources.list.d/debian.sources 2>/dev/null | grep -v snapshot | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
cat > /etc/apt/sources.list.d/pgvector-src.sources <<SRC
Types: deb-src
URIs: ${mirror}
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
apt-get update -qq
installed=$(dpkg-query -W -f='${Version}' postgresql-15 2>/dev/null || true)
if [ -n "$installed" ]; then
  # Pinned to the running server's version so apt does not upgrade the server.
  apt-get install -y -qq "postgresql-server-dev-15=${installed}" make gcc dpkg-dev >/dev/null
else
  apt-get install -y -qq postgresql-server-dev-15 make gcc dpkg-dev >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -qq pgvector >/dev/null 2>&1
cd pgvector-*/
make -s PG_CONFIG=$PG_CONFIG OPTFLAGS="" >/dev/null
make -s PG_CONFIG=$PG_CONFIG install >/dev/null
echo "install-pgvector: pgvector $(grep default_version vector.control | cut -d"'" -f2) installed"
