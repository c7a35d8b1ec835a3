#!/usr/bin/env bash
# Jibri's finalize script for Stagecall: tell the backend a recording is finished.
#
#   finalize.sh DIR
#
# Jibri runs it (JIBRI_FINALIZE_RECORDING_SCRIPT_PATH) with the session's recording directory,
# <recordings dir>/<session id>/, holding the MP4 and metadata.json once the recording stops. It
# POSTs {room, path} to $STAGECALL_URL/api/jitsi/recordings with the bearer $RECORDINGS_SECRET;
# `path` is relative to Jibri's recordings directory (the volume the backend's worker reads).
# The backend answers at once and copies the file in the background.
#
# Jibri waits for this script before it takes the next recording, so retries are bounded:
# RECORDINGS_RETRIES attempts (default 5), RECORDINGS_RETRY_DELAY seconds before the second,
# doubling after each (default 10). Only a connection failure, 429 or a 5xx is retried.
#
# Exit status: 0 accepted; 1 refused by the API (a 4xx: wrong secret, unknown room, bad path);
# 2 bad invocation or recording directory; 3 the API could not be reached after every attempt.
set -euo pipefail

log() { echo "stagecall-finalize: $*" >&2; }

if [[ $# -ne 1 || ! -d "$1" ]]; then
    log "usage: $0 RECORDING_DIR"
    exit 2
fi
if [[ -z "${STAGECALL_URL:-}" || -z "${RECORDINGS_SECRET:-}" ]]; then
    log "STAGECALL_URL (e.g. http://backend:8000) and RECORDINGS_SECRET must be set"
    exit 2
fi
retries="${RECORDINGS_RETRIES:-5}"
delay="${RECORDINGS_RETRY_DELAY:-10}"

dir="${1%/}"
metadata="$dir/metadata.json"
if [[ ! -f "$metadata" ]]; then
    log "no metadata.json in $dir"
    exit 2
fi

# Jibri writes compact JSON with Jackson: {"meeting_url":"https://host/room","participants":[...],...}.
meeting_url="$(sed -n 's/.*"meeting_url"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$metadata" | head -n 1)"
room="${meeting_url%%#*}"   # Jibri may append #config.x=y parameters
room="${room%%\?*}"
room="${room%/}"
room="${room##*/}"
# Only what our room names can be; it also keeps the JSON below free of quoting problems.
if [[ ! "$room" =~ ^[A-Za-z0-9_-]{1,64}$ ]]; then
    log "no room name in meeting_url '$meeting_url' of $metadata"
    exit 2
fi

session="$(basename "$dir")"
shopt -s nullglob
files=("$dir"/*.mp4)
if [[ ${#files[@]} -eq 0 ]]; then
    log "no .mp4 in $dir"
    exit 2
fi

# The secret goes to curl in a header file, never on a command line other processes can read.
header_file="$(mktemp)"
body_file="$(mktemp)"
trap 'rm -f "$header_file" "$body_file"' EXIT
chmod 600 "$header_file"
printf 'Authorization: Bearer %s\n' "$RECORDINGS_SECRET" > "$header_file"

announce() {  # announce PATH -> 0 accepted, 1 refused, 3 unreachable
    local path="$1" attempt=1 wait="$delay" code
    while true; do
        code="$(curl --silent --show-error --max-time 30 --output "$body_file" --write-out '%{http_code}' \
            --header @"$header_file" --header 'Content-Type: application/json' \
            --data "{\"room\": \"$room\", \"path\": \"$path\"}" \
            "${STAGECALL_URL%/}/api/jitsi/recordings")" || code="000"
        case "$code" in
            2??)
                log "announced $path of room $room ($code)"
                return 0 ;;
            000|429|5??)
                log "attempt $attempt/$retries for $path: ${code/#000/no answer}"
                if (( attempt >= retries )); then
                    return 3
                fi
                sleep "$wait"
                attempt=$((attempt + 1))
                wait=$((wait * 2)) ;;
            *)
                log "the API refused $path of room $room ($code): $(head -c 500 "$body_file")"
                return 1 ;;
        esac
    done
}

status=0
for file in "${files[@]}"; do
    name="$(basename "$file")"
    if [[ ! "$name" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*\.mp4$ || ! "$session" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]]; then
        log "unexpected file name $session/$name"
        status=2
        continue
    fi
    result=0
    announce "$session/$name" || result=$?
    if (( result != 0 && (status == 0 || result == 1) )); then
        status=$result
    fi
done
exit "$status"
