#!/bin/sh
# Install Clerk from this unpacked folder for the current user (or, as root, for everyone):
# commands in PREFIX/bin, the menu entry, the icon and the .clerkmeeting file type.
#
#   ./install.sh [--prefix DIR]       PREFIX defaults to ~/.local (/usr/local as root)
#   ./install.sh --uninstall [--prefix DIR]
#
# The program itself stays where this folder is: move the folder first (e.g. to /opt/clerk or
# ~/.local/opt/clerk), then run this script from there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix="${HOME:?}/.local"; fi
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --uninstall) action=uninstall; shift ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
share="$prefix/share"
sizes="16 24 32 48 64 128 256 512"

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$share/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$share/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -f "$prefix/bin/clerk" "$prefix/bin/clerk-cli" "$share/applications/clerk.desktop" \
    "$share/mime/packages/clerk-meeting.xml" "$share/icons/hicolor/scalable/apps/clerk.svg"
  for n in $sizes; do rm -f "$share/icons/hicolor/${n}x${n}/apps/clerk.png"; done
  refresh
  echo "Clerk's commands and menu entry are removed; delete $here to remove the program."
  echo "Your meetings are kept (see the README: Where data lives)."
  exit 0
fi

mkdir -p "$prefix/bin" "$share/applications" "$share/mime/packages" \
  "$share/icons/hicolor/scalable/apps"
ln -sf "$here/clerk" "$prefix/bin/clerk"
ln -sf "$here/clerk-cli" "$prefix/bin/clerk-cli"
sed "s|^Exec=clerk |Exec=\"$here/clerk\" |" "$here/share/clerk.desktop" \
  > "$share/applications/clerk.desktop"
cp "$here/share/clerk-meeting.xml" "$share/mime/packages/clerk-meeting.xml"
cp "$here/share/icons/clerk.svg" "$share/icons/hicolor/scalable/apps/clerk.svg"
for n in $sizes; do
  mkdir -p "$share/icons/hicolor/${n}x${n}/apps"
  cp "$here/share/icons/clerk-$n.png" "$share/icons/hicolor/${n}x${n}/apps/clerk.png"
done
refresh
echo "Clerk is installed: 'clerk' and 'clerk-cli' in $prefix/bin, and in the applications menu."
