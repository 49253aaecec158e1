#!/usr/bin/env bash
# Runs the build stage of a Dockerfile here, without a Docker engine: every COPY and RUN of the first
# stage, in order, in a scratch folder that stands for the image's /src, with /app mapped to a scratch
# output folder. The build context is copied as .dockerignore filters it, so a project missing from
# the restore COPY list or a needed file ignored by .dockerignore fails here as it would in docker build.
# Usage: deploy/verify-build-stage.sh deploy/Dockerfile.silo [scratch-dir]
set -euo pipefail

dockerfile="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${2:-$(mktemp -d)}"
mkdir -p "$scratch/src" "$scratch/app"

# .dockerignore → tar exclusions: "**/x" matches at any depth, anything else only at the context root.
excludes=()
while IFS= read -r pattern; do
  pattern="${pattern%/}"
  if [[ "$pattern" == '**/'* ]]; then
    excludes+=(--no-anchored "--exclude=${pattern#'**/'}")
  else
    excludes+=(--anchored "--exclude=./$pattern")
  fi
done < <(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$root/.dockerignore")

in_path() { # /src/... or relative → scratch path
  case "$1" in
    /src|/src/*) echo "$scratch/src${1#/src}" ;;
    /app|/app/*) echo "$scratch/app${1#/app}" ;;
    /*) echo "unsupported absolute path $1 in $dockerfile" >&2; return 1 ;;
    *) echo "$workdir/$1" ;;
  esac
}

stage=0
workdir="$scratch/src"
while IFS= read -r line || [ -n "$line" ]; do
  [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
  instruction="${line%% *}"; args="${line#* }"
  case "$instruction" in
    FROM) stage=$((stage + 1)); [ "$stage" -gt 1 ] && break ;;
    WORKDIR) workdir="$(in_path "$args")"; mkdir -p "$workdir" ;;
    COPY)
      read -r -a parts <<<"$args"
      dest="$(in_path "${parts[-1]}")"
      unset 'parts[-1]'
      for source in "${parts[@]}"; do
        if [ "$source" = "." ]; then
          tar -C "$root" "${excludes[@]}" -cf - . | tar -C "$dest" -xf -
        else
          mkdir -p "$dest"
          cp "$root/$source" "$dest/"
        fi
      done ;;
    RUN)
      command="${args// \/app/ $scratch/app}"
      echo "+ (${workdir#"$scratch"}) $args"
      (cd "$workdir" && bash -c "$command" </dev/null) ;;
    *) echo "verify-build-stage.sh does not handle $instruction in the build stage of $dockerfile" >&2; exit 1 ;;
  esac
done < "$root/$dockerfile"

entry_dll="$(sed -n 's/^ENTRYPOINT \["dotnet", "\(.*\)"\]$/\1/p' "$root/$dockerfile")"
test -f "$scratch/app/$entry_dll" || { echo "$dockerfile: $entry_dll is not in the publish output" >&2; exit 1; }
echo "$dockerfile: build stage OK, $entry_dll published to $scratch/app"
