#!/usr/bin/env bash
# Keeps po/ja.po complete. Japanese is the first language of SCS Workbench,
# so an English string that reaches a Japanese user is a bug: this test
# extracts a fresh template from the sources listed in po/POTFILES.in (with
# the same xgettext options as meson's 'glib' i18n preset), merges ja.po
# against it in a temporary directory, and fails when any message is
# untranslated or fuzzy, or when msgfmt --check rejects the catalog (a
# placeholder, plural or header problem). The source tree is never modified.
#
# Usage: check-translations.sh SRCDIR
set -u

srcdir=${1:?usage: check-translations.sh SRCDIR}
po="$srcdir/po/ja.po"

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "Bail out! $tool (gettext) is not installed"
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/scs-translations.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if ! xgettext --package-name=scs-workbench --from-code=UTF-8 --add-comments \
      -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --keyword=ngettext:1,2 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
      --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
      --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
      -D "$srcdir" -f "$srcdir/po/POTFILES.in" -o "$tmp/scs-workbench.pot" 2>"$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  echo "FAIL: xgettext could not extract the strings"
  exit 1
fi

# build-aux/update-po wants only the template.
if [ -n "${SCS_XGETTEXT_ONLY:-}" ]; then
  cp "$tmp/scs-workbench.pot" "$SCS_XGETTEXT_ONLY"
  exit 0
fi

if ! msgmerge --quiet --no-fuzzy-matching -o "$tmp/ja.po" "$po" "$tmp/scs-workbench.pot"; then
  echo "FAIL: msgmerge could not merge po/ja.po with the sources' strings"
  exit 1
fi

status=0

# msgattrib prints the selected messages as a PO file; keep only the msgids.
list_msgids ()
{
  msgattrib "$@" --no-obsolete --no-wrap "$tmp/ja.po" \
    | sed -n 's/^msgid "\(..*\)"$/  \1/p'
}

untranslated=$(list_msgids --untranslated)
if [ -n "$untranslated" ]; then
  echo "FAIL: po/ja.po has no Japanese for these strings:"
  echo "$untranslated"
  status=1
fi

fuzzy=$(list_msgids --only-fuzzy)
if [ -n "$fuzzy" ]; then
  echo "FAIL: po/ja.po has fuzzy (unchecked) translations for these strings:"
  echo "$fuzzy"
  status=1
fi

# Checked on po/ja.po itself so that the line numbers point into it; the
# statistics are those of the merged catalog, i.e. of the current sources.
if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/msgfmt.log"; then
  sed "s|^$srcdir/||" "$tmp/msgfmt.log"
  echo "FAIL: msgfmt --check rejects po/ja.po"
  status=1
fi
msgfmt --statistics -o /dev/null "$tmp/ja.po" 2>&1 | sed 's/^/po\/ja.po against the sources: /'

# A msgid that xgettext had to cut short (a GLib format macro such as
# G_GINT64_FORMAT inside _()) can never match at run time; report it.
if grep -q 'ends in the middle of a directive' "$tmp/xgettext.log"; then
  echo "FAIL: these translatable strings are cut short by a format macro inside _():"
  grep 'ends in the middle of a directive' "$tmp/xgettext.log" | cut -d: -f1,2 | sed 's/^/  /'
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "po/ja.po: every message is translated"
fi
exit "$status"
