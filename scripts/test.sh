#!/usr/bin/env bash
# Runs every MailLab test on a fresh machine: installs what the tests need (Debian's Chromium for
# the web tests, isync and fetchmail for the IMAP client tests, slapd for the LDAP routing tests), restores packages, builds, tests, and prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium (for the Playwright web tests)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

if [ ! -x /usr/sbin/smtp-sink ] && ! command -v smtp-sink >/dev/null 2>&1; then
  echo "== installing Debian's postfix (its smtp-sink is the real server the relay tests hop to)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
  # Only smtp-sink is wanted: stop the mail daemon the package started.
  as_root postfix stop >/dev/null 2>&1 || true
  as_root service postfix stop >/dev/null 2>&1 || true
fi

if ! command -v mbsync >/dev/null 2>&1 || ! command -v fetchmail >/dev/null 2>&1; then
  echo "== installing Debian's isync (mbsync) and fetchmail (for the IMAP client tests)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq isync fetchmail >/dev/null
fi

if [ ! -x /usr/sbin/slapd ] || ! command -v ldapsearch >/dev/null 2>&1; then
  echo "== installing Debian's slapd and ldap-utils (the LDAP routing tests start their own slapd on loopback)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slapd ldap-utils >/dev/null || echo "   slapd could not be installed: the tests that need it skip, saying why"
  # Only the binaries are wanted: stop the directory server the package started.
  as_root service slapd stop >/dev/null 2>&1 || true
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== dotnet restore"
dotnet restore MailLab.sln
echo "== dotnet build"
dotnet build MailLab.sln -c Release --no-restore -nologo -clp:ErrorsOnly
echo "== dotnet test"
log=$(mktemp)
status=0
dotnet test MailLab.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# The packages as a user gets them: pack MailLab.Testing, its xUnit 2 and xunit.v3 packages, the
# libraries they depend on and the maillab tool into samples/.packages, restore each project of
# samples/ with MailLab's packages from that folder only (samples/nuget.config: so a dependency not
# declared or a package not packed fails here), run their tests, then install the tool from the
# folder and run it (scripts/tool-smoke.py). A version unique to this run keeps an older package of
# the same version in the NuGet cache from being used.
echo "== dotnet pack + samples/ + the maillab tool"
packages="$PWD/samples/.packages"
rm -rf "$packages"
tools=$(mktemp -d)
version="1.0.0-ci.$(date +%s)"
for project in Protocol Mail Admin Hosting Scenarios Web Testing Testing.Xunit Testing.XunitV3; do
  dotnet pack "src/MailLab.${project}" -c Release --no-build -o "$packages" -p:Version="$version" -nologo -clp:ErrorsOnly >/dev/null || status=$?
done
# The tool's pack publishes its RID-specific packages (linux-x64 ReadyToRun, and `any`), which the
# solution's build above does not produce: it builds them itself.
dotnet pack src/MailLab.Cli -c Release -o "$packages" -p:Version="$version" -nologo -clp:ErrorsOnly >/dev/null || status=$?
sample_log=$(mktemp)
for sample in MailLab.Testing.Sample MailLab.Testing.SampleV3; do
  { dotnet restore "samples/$sample" -p:MailLabVersion="$version" -nologo \
    && dotnet test "samples/$sample" -c Release --no-restore -nologo -p:MailLabVersion="$version" --logger "console;verbosity=normal"; } 2>&1 | tee -a "$sample_log" || status=$?
done
{ dotnet tool install --tool-path "$tools" --add-source "$packages" MailLab.Cli --version "$version" \
  && python3 scripts/tool-smoke.py "$tools/maillab"; } 2>&1 | tee -a "$sample_log" || status=$?
cat "$sample_log" >>"$log"
rm -rf "$packages" "$tools" "$sample_log"

# One closing line for CI, summed over the test assemblies' summaries.
# (grep finds no "Skipped:" line when nothing was skipped, hence the "|| true".)
count() { { grep -oE "$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
