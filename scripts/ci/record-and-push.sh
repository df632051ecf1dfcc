#!/usr/bin/env bash
# Record a run on main and push the updated data/ back, without ever losing a point to a concurrent run.
#
# Two runs that finish together both commit on top of the main they checked out; the second push is
# rejected. A concurrency group would not help (it cancels the pending run, so its point is lost).
# Instead, on a rejected push: fetch the new head, reset to it (our own commit is dropped, the reports
# are kept outside the work tree), record again from the saved reports and push again, at most
# MAX_ATTEMPTS times.
#
# Usage: scripts/ci/record-and-push.sh [REPORT_DIR]
# Environment (all optional):
#   DATA_DIR        data directory, relative to the repository root (default data)
#   REMOTE          remote to push to (default origin)
#   BRANCH          branch to push to (default GITHUB_REF_NAME, else main)
#   MAX_ATTEMPTS    push attempts before giving up (default 5)
#   RETRY_DELAY_MAX longest random pause between attempts, in seconds (default 5)
#   PUSH_TOKEN      token for the push (GitHub: github.token); given to git push/fetch only, unset before recording
#   COMMIT_DATE     date of the point (default: the commit's committer date, read before any reset)
#   RECORD          the command that records one run (default scripts/ci/record-run.sh); it gets the saved
#                   report directory as its argument and DATA_DIR in the environment
set -euo pipefail

report_dir=${1:-coverage_reports}
data_dir=${DATA_DIR:-data}
remote=${REMOTE:-origin}
branch=${BRANCH:-${GITHUB_REF_NAME:-main}}
max_attempts=${MAX_ATTEMPTS:-5}
delay_max=${RETRY_DELAY_MAX:-5}
here=$(cd "$(dirname "$0")" && pwd)
record=${RECORD:-$here/record-run.sh}

if [ ! -d "$report_dir" ]; then
	echo "record-and-push: report directory '$report_dir' not found" >&2
	exit 2
fi
# `git reset --hard` below must not touch the reports: keep a copy outside the work tree.
saved=$(mktemp -d)
trap 'rm -rf "$saved"' EXIT
cp -R "$report_dir"/. "$saved"/

commit=${COMMIT_SHA:-${GITHUB_SHA:-$(git rev-parse HEAD)}}
export COMMIT_SHA=$commit DATA_DIR=$data_dir
# Read the message now: after a reset the measured commit may no longer be HEAD.
export COMMIT_MESSAGE=${COMMIT_MESSAGE:-$(git log -1 --format=%s "$commit" 2>/dev/null || true)}
export COMMIT_DATE=${COMMIT_DATE:-$(git log -1 --format=%cI "$commit" -- 2>/dev/null || true)}

# The push token reaches git's network commands alone (push, and fetch on a retry), through the
# environment of that one command: it is never in .git/config, and the recording (Node and its
# dependencies) runs without it.
push_token=${PUSH_TOKEN:-}
unset PUSH_TOKEN
remote_git() {
	if [ -z "$push_token" ]; then
		git "$@"
		return
	fi
	local auth
	auth=$(printf 'x-access-token:%s' "$push_token" | base64 | tr -d '\n')
	GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="http.${GITHUB_SERVER_URL:-https://github.com}/.extraheader" \
		GIT_CONFIG_VALUE_0="AUTHORIZATION: basic $auth" git "$@"
}

git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"

# The commit as every other output shows it (shortCommit in src/lib/trend/commitLinks.ts: 7 characters of a SHA).
short_commit=${commit:0:7}
for ((attempt = 1; attempt <= max_attempts; attempt++)); do
	"$record" "$saved"
	git add -A -- "$data_dir"
	if git diff --cached --quiet; then
		echo "record-and-push: $data_dir unchanged, nothing to push"
		exit 0
	fi
	git commit -q -m "Record coverage for ${short_commit} [skip ci]"
	if remote_git push -q "$remote" "HEAD:refs/heads/$branch"; then
		echo "record-and-push: pushed the point for ${short_commit} to $branch (attempt $attempt)"
		exit 0
	fi
	echo "::notice title=Data push rejected::attempt $attempt of $max_attempts: $branch moved; recording again on its new head"
	if [ "$delay_max" -gt 0 ]; then sleep $((RANDOM % delay_max + 1)); fi
	remote_git fetch -q "$remote" "+refs/heads/$branch:refs/remotes/$remote/$branch"
	git reset -q --hard "refs/remotes/$remote/$branch"
done
echo "::error title=Data push failed::could not push the coverage point for ${short_commit} after $max_attempts attempts"
exit 1
