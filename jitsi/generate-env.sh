#!/usr/bin/env bash
# Write the stack's .env from jitsi/env.example with a fresh random value for every
# secret, so that no default secret ever ships.
#
#   jitsi/generate-env.sh [--force] [PATH]
#
# PATH defaults to .env at the repository root. An existing file is never overwritten
# without --force (it holds the secrets a running deployment depends on: a new
# POSTGRES_PASSWORD would lock the backend out of an initialised database).
set -euo pipefail

# The secrets this script owns. Each must appear in env.example as an empty `NAME=`.
SECRETS=(
    DJANGO_SECRET_KEY
    POSTGRES_PASSWORD
    JITSI_APP_SECRET
    JITSI_EVENTS_SECRET
    JICOFO_AUTH_PASSWORD
    JVB_AUTH_PASSWORD
    RECORDINGS_SECRET
    JIBRI_XMPP_PASSWORD
    JIBRI_RECORDER_PASSWORD
)

usage() {
    echo "usage: $0 [--force] [PATH]" >&2
    exit 2
}

force=0
target=""
for arg in "$@"; do
    case "$arg" in
        --force) force=1 ;;
        -h|--help) usage ;;
        -*) echo "unknown option: $arg" >&2; usage ;;
        *) [[ -z "$target" ]] || usage; target="$arg" ;;
    esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="$here/env.example"
target="${target:-$here/../.env}"

if [[ -e "$target" && "$force" -ne 1 ]]; then
    echo "refusing to overwrite $target (it holds live secrets); pass --force to replace it" >&2
    exit 1
fi

# 48 random bytes as 96 hex characters: URL-safe (POSTGRES_PASSWORD goes into
# DATABASE_URL), shell-safe in .env, and well above every minimum (JITSI_APP_SECRET
# >= 32 bytes, DJANGO_SECRET_KEY >= 50 characters).
random_secret() {
    if command -v openssl >/dev/null 2>&1; then
        openssl rand -hex 48
    else
        python3 -c 'import secrets; print(secrets.token_hex(48))'
    fi
}

tmp="$(mktemp "$(dirname "$target")/.env.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
chmod 600 "$tmp"
cp "$template" "$tmp"

for name in "${SECRETS[@]}"; do
    if ! grep -qx "${name}=" "$tmp"; then
        echo "template $template has no empty '${name}=' line to fill" >&2
        exit 1
    fi
    value="$(random_secret)"
    if [[ ! "$value" =~ ^[0-9a-f]{96}$ ]]; then
        echo "could not generate a random value for $name" >&2
        exit 1
    fi
    sed -i "s/^${name}=\$/${name}=${value}/" "$tmp"
done

mv "$tmp" "$target"
trap - EXIT
echo "wrote $target with fresh secrets; now set APP_DOMAIN, JITSI_DOMAIN, mail and JVB_ADVERTISE_IPS in it" >&2
