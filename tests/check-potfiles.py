#!/usr/bin/env python3
"""Keeps po/POTFILES.in in step with the sources: every file that has a
translatable string is listed, and every listed file exists and has one."""
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
listed = {
    line.strip()
    for line in (top / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
marker = re.compile(r'(\b_\(|\bN_\(|\bC_\(|\bNC_\(|\bngettext\s*\(|translatable="yes"|<summary>|<description>'
                    r'|^(Name|GenericName|Comment|Keywords)=)', re.M)
found = set()
# The desktop file and metainfo templates (data/*.in) are merged with po/ by
# i18n.merge_file, so they are listed like the sources.
for pattern in ("app/**/*.c", "ui/**/*.c", "ui/**/*.ui", "data/*.gschema.xml", "data/*.in"):
    for path in top.glob(pattern):
        if marker.search(path.read_text(encoding="utf-8")):
            found.add(str(path.relative_to(top)))

problems = []
for missing in sorted(found - listed):
    problems.append(f"po/POTFILES.in: '{missing}' has translatable strings but is not listed")
for extra in sorted(listed - found):
    if not (top / extra).exists():
        problems.append(f"po/POTFILES.in: '{extra}' does not exist")
    else:
        problems.append(f"po/POTFILES.in: '{extra}' is listed but has no translatable strings")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
