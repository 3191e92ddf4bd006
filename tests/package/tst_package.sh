#!/usr/bin/env bash
# tst_package: builds the .deb with CPack in a scratch folder, unpacks it with dpkg -x (nothing
# is installed on this machine) and checks what an operator gets: files and modes, Depends,
# a man page that matches --help and the README, a unit that `systemd-analyze verify` accepts
# against the unpacked tree, and maintainer scripts that make a 0640 config with fresh
# secrets once and never overwrite it.
#   tst_package.sh BUILD_DIR SOURCE_DIR HAS_CONSOLE(0|1) [CPACK]
set -euo pipefail

BUILD=$1
SRC=$2
HAS_CONSOLE=$3
CPACK=${4:-cpack}
UNIT=usr/lib/systemd/system/gistack-notify.service

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
pass() { echo "PASS: $*"; }
need() { command -v "$1" >/dev/null || fail "$1 is missing (./run.sh test installs the $2 package)"; }
need dpkg-deb dpkg
need systemd-analyze systemd
need man man-db
need desktop-file-validate desktop-file-utils

# --- build -------------------------------------------------------------------------------
"$CPACK" -G DEB --config "$BUILD/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log"; fail "cpack could not build the package"; }
debs=("$scratch"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb, got: ${debs[*]}"
deb=${debs[0]}
pass "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control fields ----------------------------------------------------------------------
[ "$(dpkg-deb -f "$deb" Package)" = gistack-notify ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "architecture"
depends=$(dpkg-deb -f "$deb" Depends)
required=(libc6 libstdc++6 libqt6core6 libqt6network6 libqt6websockets6 libqt6httpserver6 libqt6sql6
    libqt6sql6-sqlite adduser)
[ "$HAS_CONSOLE" = 1 ] && required+=(libqt6widgets6)
names=$(tr ',|' '\n\n' <<<"$depends" | awk '{print $1}')
for dep in "${required[@]}"; do
    grep -qxF "$dep" <<<"$names" || fail "Depends lacks $dep: $depends"
done
if [ "$HAS_CONSOLE" != 1 ] && grep -q libqt6widgets6 <<<"$depends"; then
    fail "the headless server must not pull in Qt Widgets: $depends"
fi
pass "Depends: $depends"

# --- files and modes ---------------------------------------------------------------------
listing=$(dpkg-deb -c "$deb")
if awk '{print $2}' <<<"$listing" | grep -qv '^root/root$'; then fail "files not owned by root:root"; fi
if awk '{print $6}' <<<"$listing" | grep -Ev '^\./(usr/?|usr/.*)?$' | grep -q .; then
    fail "files outside /usr (the config is made by postinst, never shipped): $(awk '{print $6}' <<<"$listing")"
fi
root="$scratch/root"
dpkg -x "$deb" "$root"
expect() { # path mode
    [ -f "$root/$1" ] || fail "missing /$1"
    [ "$(stat -c %a "$root/$1")" = "$2" ] || fail "/$1 has mode $(stat -c %a "$root/$1"), expected $2"
}
expect usr/bin/gistack-server 755
expect "$UNIT" 644
expect usr/share/man/man1/gistack-server.1.gz 644
for doc in README.md OPERATIONS.md API.md PROTOCOL.md; do expect "usr/share/doc/gistack-notify/$doc" 644; done
if [ "$HAS_CONSOLE" = 1 ]; then
    expect usr/bin/gistack-console 755
    expect usr/share/applications/gistack-console.desktop 644
    expect usr/share/icons/hicolor/scalable/apps/gistack-console.svg 644
    desktop-file-validate "$root/usr/share/applications/gistack-console.desktop" || fail "desktop entry"
else
    [ ! -e "$root/usr/bin/gistack-console" ] || fail "console shipped without its target"
fi
# The desktop entry and icon are checked even before the console lands.
desktop-file-validate "$SRC/resources/packaging/gistack-console.desktop" || fail "desktop entry does not validate"
grep -q '^<svg ' "$SRC/resources/packaging/gistack-console.svg" || fail "icon is not an SVG"
file -b "$root/usr/bin/gistack-server" | grep -q ', stripped' || fail "binary not stripped"
version=$("$root/usr/bin/gistack-server" --version) || fail "the unpacked binary does not run"
grep -q "$(dpkg-deb -f "$deb" Version)" <<<"$version" || fail "--version '$version' is not the package version"
pass "files, modes and ownership; the unpacked binary runs ($version)"

# --- man page vs --help vs README --------------------------------------------------------
man_src=$(zcat "$root/usr/share/man/man1/gistack-server.1.gz")
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$root/usr/share/man/man1/gistack-server.1.gz" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man page warnings: $warnings"
options=$("$root/usr/bin/gistack-server" --help | grep -oE '^ +(-[a-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+')
[ -n "$options" ] || fail "no options in --help"
for option in $options; do
    grep -qF -- "${option//-/\\-}" <<<"$man_src" || fail "man page lacks $option"
done
for command in token check-config; do
    grep -q "^\.B.* $command" <<<"$man_src" || fail "man page lacks the $command command"
done
# Every setting (an option with a GISTACK_* variable) is in the man page and the README table.
for option in $options; do
    case $option in --help | --help-all | --version | --ttl | --headless) continue ;; esac
    name=${option#--}
    env=GISTACK_$(tr 'a-z-' 'A-Z_' <<<"$name")
    grep -qF "$env" <<<"$man_src" || fail "man page lacks $env"
    grep -qE "^\| \`$option\` \| \`$env\` \|" "$SRC/README.md" || fail "README table lacks $option / $env"
    grep -qE "^\| \`$option\` \| \`$env\` \|" "$SRC/docs/OPERATIONS.md" || fail "OPERATIONS.md table lacks $option"
done
pass "man page, --help, README and OPERATIONS.md agree on $(wc -w <<<"$options") options"

# --- the systemd unit --------------------------------------------------------------------
unit="$root/$UNIT"
for line in 'User=gistack' 'Group=gistack' 'StateDirectory=gistack-notify' 'Restart=on-failure' \
    'ExecStart=/usr/bin/gistack-server --config /etc/gistack-notify/gistack.conf' \
    'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' 'CapabilityBoundingSet=' \
    'WantedBy=multi-user.target'; do
    grep -qxF "$line" "$unit" || fail "unit lacks '$line'"
done
# verify resolves ExecStart, the man page of Documentation= and every unit the service
# depends on inside --root: the unpacked package plus this system's own units.
cp -rn /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
analyze() { MANPATH="$root/usr/share/man" systemd-analyze verify --root="$root" "$@" 2>&1; }
if ! out=$(analyze "$unit") || [ -n "$out" ]; then fail "systemd-analyze verify: $out"; fi
# It really looks: a missing binary and a misspelt key are caught.
sed 's#^ExecStart=/usr/bin/gistack-server#ExecStart=/usr/bin/gistack-servr#' "$unit" \
    >"$root/usr/lib/systemd/system/gistack-broken.service"
if analyze "$root/usr/lib/systemd/system/gistack-broken.service" >/dev/null; then
    fail "verify accepted a unit whose binary is missing: the check proves nothing"
fi
sed 's#^ProtectHome=yes#ProtectHomes=yes#' "$unit" >"$root/usr/lib/systemd/system/gistack-typo.service"
analyze "$root/usr/lib/systemd/system/gistack-typo.service" | grep -q "Unknown key" ||
    fail "verify did not report a misspelt key"
rm "$root"/usr/lib/systemd/system/gistack-{broken,typo}.service
exposure=$(systemd-analyze security --offline=yes --root="$root" --threshold=20 gistack-notify.service 2>&1 |
    tail -1) || fail "exposure above 2.0: $exposure"
pass "systemd-analyze verify accepts the unit; ${exposure#→ }"

# --- maintainer scripts ------------------------------------------------------------------
dpkg-deb -e "$deb" "$scratch/control"
for script in postinst prerm postrm; do
    [ "$(stat -c %a "$scratch/control/$script")" = 755 ] || fail "$script is not 0755"
    sh -n "$scratch/control/$script" || fail "$script has a syntax error"
done
# Run postinst against a scratch DPKG_ROOT. Commands that would change this machine's
# accounts or services are stubs that only record how they were called.
stubs="$scratch/stubs"
mkdir -p "$stubs"
for cmd in getent adduser useradd chown systemctl deb-systemd-helper deb-systemd-invoke; do
    printf '#!/bin/sh\necho "%s $*" >>"%s"\n%s\n' "$cmd" "$scratch/calls.log" \
        "$([ "$cmd" = getent ] && echo 'exit 2' || echo 'exit 0')" >"$stubs/$cmd"
    chmod +x "$stubs/$cmd"
done
install_into() { # root args...
    local target=$1
    shift
    mkdir -p "$target"
    DPKG_ROOT="$target" PATH="$stubs:$PATH" sh "$scratch/control/postinst" "$@"
}
inst="$scratch/inst"
install_into "$inst" configure
conf="$inst/etc/gistack-notify/gistack.conf"
[ -f "$conf" ] || fail "postinst made no $conf"
[ "$(stat -c %a "$conf")" = 640 ] || fail "config mode $(stat -c %a "$conf"), expected 640"
grep -q "^adduser --system --group .* gistack$" "$scratch/calls.log" || fail "no system user: $(cat "$scratch/calls.log")"
grep -q "^chown root:gistack $inst/etc/gistack-notify/gistack.conf" "$scratch/calls.log" ||
    fail "config not given to root:gistack: $(cat "$scratch/calls.log")"
if grep -Eq '^(systemctl|deb-systemd)' "$scratch/calls.log"; then fail "touched systemd under DPKG_ROOT"; fi
jwt=$(sed -n 's/^jwt-secret=//p' "$conf")
key=$(sed -n 's/^api-key=//p' "$conf")
[ ${#jwt} -ge 40 ] && [ ${#key} -ge 40 ] && [ "$jwt" != "$key" ] || fail "weak or equal secrets in $conf"
grep -qx 'database=/var/lib/gistack-notify/gistack.db' "$conf" || fail "config does not use the state directory"
check=$(GISTACK_DATABASE="$scratch/state/gistack.db" "$root/usr/bin/gistack-server" check-config --config "$conf" 2>&1) ||
    fail "the generated config does not pass check-config: $check"
grep -q '^config OK' <<<"$check" || fail "check-config: $check"
! grep -qF -e "$jwt" -e "$key" <<<"$check" || fail "check-config printed a secret"
# An upgrade keeps the file as it is, edits included.
echo "threshold-days=7" >>"$conf"
before=$(sha256sum "$conf")
install_into "$inst" configure 0.0.9
[ "$(sha256sum "$conf")" = "$before" ] || fail "an upgrade changed the config"
# Another machine gets other secrets.
install_into "$scratch/inst2" configure
[ "$(sed -n 's/^jwt-secret=//p' "$scratch/inst2/etc/gistack-notify/gistack.conf")" != "$jwt" ] ||
    fail "two installs got the same secret"
DPKG_ROOT="$inst" PATH="$stubs:$PATH" sh "$scratch/control/postrm" remove
[ -f "$conf" ] || fail "remove (not purge) deleted the config"
DPKG_ROOT="$inst" PATH="$stubs:$PATH" sh "$scratch/control/postrm" purge
[ ! -e "$conf" ] || fail "purge kept the config"
pass "postinst makes a 0640 root:gistack config with fresh secrets once; upgrades keep it; purge removes it"
