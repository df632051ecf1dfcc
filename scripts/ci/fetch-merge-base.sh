#!/usr/bin/env bash
# Make a shallow clone hold the merge base of BASE and HEAD, fetching no more history than that needs:
# BASE itself at depth 1, then both sides deeper in steps (50, 200, 1000 commits), the whole history
# only as the last resort. Prints the merge base. `trend patch` and `trend record --base` need it.
#
# Usage: scripts/ci/fetch-merge-base.sh BASE [HEAD]
# Environment: REMOTE (default origin)
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: scripts/ci/fetch-merge-base.sh BASE [HEAD]" >&2
	exit 2
fi
base=$1
head=${2:-HEAD}
remote=${REMOTE:-origin}
case $base in -*)
	echo "fetch-merge-base: BASE must be a commit or a ref, found '$base'" >&2
	exit 2
	;;
esac

if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
	git fetch -q --no-tags --depth=1 "$remote" "$base"
	base=$(git rev-parse FETCH_HEAD)
fi
head_sha=$(git rev-parse --verify "$head^{commit}")
base_sha=$(git rev-parse --verify "$base^{commit}")
for deepen in 0 50 200 1000 all; do
	if [ "$deepen" = all ]; then
		[ "$(git rev-parse --is-shallow-repository)" = true ] && git fetch -q --no-tags --unshallow "$remote"
	elif [ "$deepen" -gt 0 ]; then
		[ "$(git rev-parse --is-shallow-repository)" = true ] || break
		git fetch -q --no-tags --deepen="$deepen" "$remote" "$base_sha" "$head_sha"
	fi
	if git merge-base "$base_sha" "$head_sha"; then exit 0; fi
done
echo "fetch-merge-base: $base and $head have no common ancestor" >&2
exit 1
