#!/usr/bin/env python3
# tamper.py: attacks on a signed submission package and on a sealed
# workspace, made with stock tools only (python3 zipfile/hashlib, sqlite3,
# openssl), each of which `scs-cli verify --ca` or `scs-cli export` must
# refuse, naming the entry; and the positive checks: the stock-tool recipe
# of docs/package-format.md (run exactly as written there), openssl cms
# -verify, unzip -t and xmllint --relaxng accept the honest package.
# TAP output; $SCS_CLI and $SCS_SOURCE_DIR come from meson.
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import hashlib
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
import zlib

CLI = os.environ["SCS_CLI"]
SRC = os.environ["SCS_SOURCE_DIR"]
TMP = tempfile.mkdtemp(prefix="scs-tamper-")
CERTS = os.path.join(TMP, "certs")
CA = os.path.join(CERTS, "ca.pem")
PW = os.path.join(TMP, "pw")
ASIC = "{http://uri.etsi.org/02918/v1.2.1#}"

results = []


def run(args, profile="sme", check=None, env_extra=None):
    env = dict(os.environ, SCS_LANGUAGE="en", SCS_ACTOR="tamper",
               SCS_PROFILE=os.path.join(TMP, profile + ".ini"))
    if env_extra:
        env.update(env_extra)
    p = subprocess.run([CLI] + args, capture_output=True, text=True, env=env)
    out = p.stdout + p.stderr
    if check is not None and p.returncode != check:
        raise AssertionError("scs-cli %s: exit %d, wanted %d\n%s" % (" ".join(args), p.returncode, check, out))
    return p.returncode, out


def make_workspace(name, company, corporate_number):
    ws = os.path.join(TMP, name + ".scsw")
    run(["new", ws, "--name", company, "--corporate-number", corporate_number, "--level", "3"], check=0)
    _, listing = run(["catalog", "list", "--json"], check=0)
    criteria = json.loads(listing)
    if isinstance(criteria, dict):
        criteria = criteria["criteria"]
    for c in criteria:
        if c["level"] == 3:
            run(["answer", ws, c["id"], "met"], check=0)
    # the second evidence file has a Japanese name, as a company's files do
    for i, text in enumerate(["情報セキュリティ基本方針 " + company, "アクセスログ " + company]):
        path = os.path.join(TMP, "%s-%s-%d.txt" % (name, ["evidence", "証跡"][i], i))
        with open(path, "w") as f:
            f.write(text + "\n")
        run(["evidence", "add", ws, "1-2-1-%d" % (i + 1), path], check=0)
    run(["review", "hand-over", ws], check=0)
    run(["review", "verdict", ws, "all", "accepted"], profile="expert", check=0)
    run(["sign", ws, "--p12", os.path.join(CERTS, "expert.p12"), "--password-file", PW, "--ca", CA],
        profile="expert", check=0)
    run(["declare", ws, "--name", "山田 一郎", "--title", "代表取締役", "--p12",
         os.path.join(CERTS, "manager.p12"), "--password-file", PW], profile="management", check=0)
    package = os.path.join(TMP, name + ".scsp")
    run(["export", ws, "--out", package], check=0)
    return ws, package


def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return [(info.filename, z.read(info.filename)) for info in z.infolist()]


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=method)


def recompute_manifests(entries):
    """What an attacker does: every digest in every manifest recomputed."""
    files = dict(entries)
    out = []
    for name, data in entries:
        if name.startswith("META-INF/ASiCManifest"):
            text = data.decode()

            def fix(m):
                uri = m.group(1)
                digest = base64.b64encode(hashlib.sha256(files.get(uri, b"")).digest()).decode()
                return m.group(0).replace(m.group(2), digest)
            text = re.sub(r'URI="([^"]+)" MimeType="[^"]*">\s*<ds:DigestMethod[^>]*/>\s*'
                          r'<ds:DigestValue>([^<]*)</ds:DigestValue>', fix, text)
            data = text.encode()
        elif name == "META-INF/manifest.xml":
            # the unsigned manifest of drafts and of the older format
            text = data.decode()
            text = re.sub(r'path="([^"]+)" size="\d+" sha256="[0-9a-f]+"',
                          lambda m: 'path="%s" size="%d" sha256="%s"' % (
                              m.group(1), len(files.get(m.group(1), b"")),
                              hashlib.sha256(files.get(m.group(1), b"")).hexdigest()), text)
            data = text.encode()
        out.append((name, data))
    return out


def tampered(name, entries, recompute=True):
    path = os.path.join(TMP, name + ".scsp")
    write_zip(path, recompute_manifests(entries) if recompute else entries)
    return path


def check(name, func):
    try:
        func()
        results.append((True, name, ""))
    except Exception as e:  # noqa: BLE001 - reported as a TAP failure
        results.append((False, name, str(e)))


def expect_refused(package, *named):
    rc, out = run(["verify", package, "--ca", CA])
    if rc != 1:
        raise AssertionError("verify exit %d, wanted 1\n%s" % (rc, out))
    for n in named:
        if n not in out:
            raise AssertionError("verify does not name %r\n%s" % (n, out))
    return out


def recipe_script():
    """The stock-tool recipe, exactly as docs/package-format.md gives it."""
    with open(os.path.join(SRC, "docs", "package-format.md")) as f:
        doc = f.read()
    m = re.search(r"<!-- recipe -->\s*```sh\n(.*?)```", doc, re.S)
    assert m, "docs/package-format.md has no recipe block"
    return m.group(1)


def run_recipe(package):
    work = tempfile.mkdtemp(dir=TMP)
    shutil.copy(package, os.path.join(work, "package.scsp"))
    shutil.copy(CA, os.path.join(work, "ca.pem"))
    p = subprocess.run(["sh", "-eu", "-c", recipe_script()], cwd=work, capture_output=True, text=True,
                       env=dict(os.environ, PACKAGE="package.scsp", CA="ca.pem"))
    return p.returncode, p.stdout + p.stderr


def main():
    os.makedirs(CERTS)
    subprocess.run(["sh", os.path.join(SRC, "tests", "review", "make-certificates.sh"), CERTS],
                   check=True, capture_output=True)
    with open(PW, "w") as f:
        f.write("secret\n")
    run(["profile", "set", "--name", "SME Sato", "--role", "sme"], check=0)
    run(["profile", "set", "--name", "Expert Taro", "--role", "expert", "--qualification", "riss",
         "--registration", "013258", "--training-date", "2026-01-10"], profile="expert", check=0)
    run(["profile", "set", "--name", "山田 一郎", "--role", "management"], profile="management", check=0)

    ws_a, pkg_a = make_workspace("a", "株式会社エー", "7000012050002")
    ws_b, pkg_b = make_workspace("b", "株式会社ビー", "2021001052596")
    honest = read_zip(pkg_a)
    names = [n for n, _ in honest]
    evidence = [n for n in names if n.startswith("evidence/")][0]

    # positive checks
    check("honest package verifies", lambda: run(["verify", pkg_a, "--ca", CA], check=0))
    check("no unsigned manifest in a final package", lambda: (
        None if "META-INF/manifest.xml" not in names and names[0] == "mimetype" else
        (_ for _ in ()).throw(AssertionError(names))))

    def unzip_t():
        subprocess.run(["unzip", "-t", pkg_a], check=True, capture_output=True)
    check("unzip -t accepts the package", unzip_t)

    def relaxng():
        schema = os.path.join(SRC, "data", "schema", "asic-manifest.rng")
        for who in ("expert", "management"):
            path = os.path.join(TMP, "ASiCManifest-%s.xml" % who)
            with open(path, "wb") as f:
                f.write(dict(honest)["META-INF/ASiCManifest-%s.xml" % who])
            subprocess.run(["xmllint", "--noout", "--nonet", "--relaxng", schema, path], check=True,
                           capture_output=True)
    check("xmllint --relaxng accepts both manifests", relaxng)

    def openssl_verify():
        work = tempfile.mkdtemp(dir=TMP)
        for name, data in honest:
            if name.startswith("META-INF/"):
                with open(os.path.join(work, os.path.basename(name)), "wb") as f:
                    f.write(data)
        for who in ("expert", "management"):
            subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER",
                            "-in", os.path.join(work, "signature-%s.p7s" % who),
                            "-content", os.path.join(work, "ASiCManifest-%s.xml" % who),
                            "-CAfile", CA, "-purpose", "any", "-out", "/dev/null"],
                           check=True, capture_output=True)
    check("openssl cms -verify accepts both signatures", openssl_verify)

    def recipe_accepts():
        rc, out = run_recipe(pkg_a)
        assert rc == 0, out
    check("the documented stock-tool recipe accepts the honest package", recipe_accepts)

    # attacks on the package
    def replace_evidence():
        entries = [(n, b"forged evidence\n" if n == evidence else d) for n, d in honest]
        pkg = tampered("evidence", entries)
        expect_refused(pkg, evidence)
        rc, out = run_recipe(pkg)
        assert rc != 0, "the recipe accepted a replaced evidence file\n" + out
    check("evidence replaced, manifests recomputed: refused, entry named", replace_evidence)

    def replace_evidence_only():
        entries = [(n, b"forged evidence\n" if n == evidence else d) for n, d in honest]
        out = expect_refused(tampered("evidence-only", entries, recompute=False), evidence)
        assert "has changed" in out, out
    check("evidence replaced, manifests left: refused, entry named", replace_evidence_only)

    def replace_report():
        entries = [(n, b"%PDF-1.4 forged\n" if n == "report.pdf" else d) for n, d in honest]
        pkg = tampered("report", entries)
        expect_refused(pkg, "report.pdf")
        rc, out = run_recipe(pkg)
        assert rc != 0, out
    check("report.pdf replaced, manifests recomputed: refused, entry named", replace_report)

    def add_file():
        entries = honest + [("evidence/extra.pdf", b"%PDF-1.4 extra\n")]
        out = expect_refused(tampered("added", entries), "evidence/extra.pdf")
        assert "not covered by any signature" in out, out
        rc, out = run_recipe(tampered("added", entries))
        assert rc != 0 and "evidence/extra.pdf" in out, out
    check("a file added: refused as not covered by any signature", add_file)

    def add_unsigned_manifest():
        manifest = b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="urn:x-scs-workbench:manifest:1"/>\n'
        entries = honest + [("META-INF/manifest.xml", manifest)]
        expect_refused(tampered("unsigned-manifest", entries), "META-INF/manifest.xml")
    check("an unsigned manifest added: refused, entry named", add_unsigned_manifest)

    def remove_entry():
        entries = [(n, d) for n, d in honest if n != evidence]
        out = expect_refused(tampered("removed", entries, recompute=False), evidence)
        assert "missing" in out, out
    check("an entry removed: refused, entry named", remove_entry)

    def swap_declaration():
        other = dict(read_zip(pkg_b))
        # B's declaration and its signature alone: A's management manifest no longer matches
        swapped = ("declaration.xml", "META-INF/signature-management.p7s")
        entries = [(n, other[n] if n in swapped else d) for n, d in honest]
        out = expect_refused(tampered("swapped-2", entries, recompute=False), "declaration.xml")
        assert "has changed" in out, out
        # B's whole management side, validly signed: the binding names what differs
        swapped += ("META-INF/ASiCManifest-management.xml",)
        entries = [(n, other[n] if n in swapped else d) for n, d in honest]
        out = expect_refused(tampered("swapped-3", entries, recompute=False), "declaration.xml")
        assert "not bound to this package" in out, out
        assert "organisation’s name" in out and "SHA-256 of assessment.xml" in out, out
    check("company B's declaration and signature in A's package: refused, binding named", swap_declaration)

    def older_format():
        manifest = ['<?xml version="1.0" encoding="UTF-8"?>',
                    '<manifest xmlns="urn:x-scs-workbench:manifest:1" version="1" draft="false" '
                    'language="ja" generator="SCS Workbench 0.1">']
        files = [(n, d) for n, d in honest if n != "mimetype" and not n.startswith("META-INF/ASiC")]
        for n, d in files:
            manifest.append('  <file path="%s" size="%d" sha256="%s" media-type="application/octet-stream"/>'
                            % (n, len(d), hashlib.sha256(d).hexdigest()))
        manifest.append("</manifest>\n")
        entries = [("mimetype", dict(honest)["mimetype"]), ("META-INF/manifest.xml", "\n".join(manifest).encode())]
        entries += files
        out = expect_refused(tampered("older", entries, recompute=False), "Older format")
        assert "export again" in out, out
    check("a package of the older format: refused with the reason", older_format)

    # attacks on the workspace
    def seal_broken(sql, named):
        copy = os.path.join(TMP, "sealed-%d.scsw" % len(results))
        shutil.copy(ws_a, copy)
        db = sqlite3.connect(copy)
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _ in triggers:
            db.execute('DROP TRIGGER "%s"' % name)
        if callable(sql):
            sql(db)
        else:
            db.execute(sql)
        for _, text in triggers:
            db.execute(text)
        db.commit()
        after = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        db.close()
        assert sorted(after) == sorted(triggers), "triggers not re-created byte-identically"
        out_path = os.path.join(TMP, "forged-%d.scsp" % len(results))
        rc, out = run(["export", copy, "--out", out_path])
        assert rc == 2, "export exit %d, wanted 2\n%s" % (rc, out)
        assert named in out, "export does not name %r\n%s" % (named, out)
        assert not os.path.exists(out_path), "export wrote a package"
        assert not [f for f in os.listdir(TMP) if f.startswith(".forged-")], "export left a temporary file"
        rc, out = run(["verify-signature", copy, "--ca", CA])
        assert rc == 1, out

    check("answer changed behind the seal: export refused (exit 2), nothing written", lambda: seal_broken(
        "UPDATE answer SET note = 'forged' WHERE criterion_id = '1-2-1-1'", "criterion 1-2-1-1: note"))
    check("evidence blob changed behind the seal: export refused (exit 2), nothing written", lambda: seal_broken(
        "UPDATE evidence SET data = CAST (X'58' || substr (data, 2) AS BLOB) "
        "WHERE sha256 = (SELECT min (sha256) FROM evidence)", "evidence"))
    def replace_blob_and_key(db):
        # the blob replaced and its SHA-256 key with it, so that it hashes to its key
        old = db.execute("SELECT min (sha256) FROM evidence").fetchone()[0]
        data = b"forged evidence\n"
        new = hashlib.sha256(data).hexdigest()
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute("UPDATE evidence SET sha256 = ?, data = ?, size = ? WHERE sha256 = ?", (new, data, len(data), old))
        db.execute("UPDATE evidence_link SET sha256 = ? WHERE sha256 = ?", (new, old))
    check("evidence and its hash key replaced behind the seal: export refused (exit 2)", lambda: seal_broken(
        replace_blob_and_key, "evidence"))
    check("a stored signed entry changed behind the seal: export refused", lambda: seal_broken(
        "UPDATE review_signed_entry SET data = CAST ('forged' AS BLOB) WHERE path = 'report.pdf'",
        "report.pdf"))

    check("an answer's state changed behind the seal: export refused (exit 2), nothing written", lambda: seal_broken(
        "UPDATE answer SET state = 'not-met' WHERE criterion_id = '1-2-1-1'", "criterion 1-2-1-1: state"))

    def unsealed_then_edited():
        # the seal row deleted with sqlite3 (its triggers dropped and put
        # back): the signature is still there, so the missing seal is
        # tampering; edits stay refused, saying so, and verify-signature fails
        copy = os.path.join(TMP, "unsealed.scsw")
        shutil.copy(ws_a, copy)
        db = sqlite3.connect(copy)
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _ in triggers:
            db.execute('DROP TRIGGER "%s"' % name)
        db.execute("DELETE FROM review_seal")
        for _, text in triggers:
            db.execute(text)
        db.commit()
        db.close()
        rc, out = run(["answer", copy, "1-2-1-2", "not-met"])
        assert rc == 2 and "seal" in out and "removed" in out, "answer: exit %d\n%s" % (rc, out)
        rc, out = run(["org", "set", copy, "--name", "Forged KK"])
        assert rc == 2 and "seal" in out and "removed" in out, "org set: exit %d\n%s" % (rc, out)
        db = sqlite3.connect(copy)
        state = db.execute("SELECT state FROM answer WHERE criterion_id = '1-2-1-2'").fetchone()[0]
        names = db.execute("SELECT count (*) FROM organization WHERE name = 'Forged KK'").fetchone()[0]
        db.close()
        assert state == "met" and names == 0, "the workspace changed: %s, %d" % (state, names)
        rc, out = run(["verify-signature", copy, "--ca", CA])
        assert rc == 1 and "seal" in out and "removed" in out, "verify-signature: exit %d\n%s" % (rc, out)
        rc, out = run(["verify-signature", copy, "--ca", CA, "--json"])
        assert rc == 1 and json.loads(out)["valid"] is False, out
        # a new review round is the way out: it supersedes the signature
        run(["review", "new-round", copy], profile="expert", check=0)
        run(["answer", copy, "1-2-1-2", "not-met"], check=0)
    check("the seal row deleted: edits refused, the missing seal reported", unsealed_then_edited)

    def signed_before_manifests():
        # what a workspace signed by the previous version looks like: no signed entries
        copy = os.path.join(TMP, "older.scsw")
        shutil.copy(ws_a, copy)
        db = sqlite3.connect(copy)
        trigger = db.execute("SELECT sql FROM sqlite_master WHERE name = 'review_signed_entry_delete'").fetchone()[0]
        db.execute("DROP TRIGGER review_signed_entry_delete")
        db.execute("DELETE FROM review_signed_entry")
        db.execute(trigger)
        db.commit()
        db.close()
        out_path = os.path.join(TMP, "older-workspace.scsp")
        rc, out = run(["export", copy, "--out", out_path])
        assert rc != 0 and "sign again in a new review round" in out, out
        assert not os.path.exists(out_path), "export wrote a package"
    check("a workspace signed before signed manifests: export asks for a new round", signed_before_manifests)

    def unsigned_declare():
        copy = os.path.join(TMP, "declare.scsw")
        shutil.copy(ws_a, copy)
        rc, out = run(["declare", copy, "--name", "Mallory", "--title", "CEO"], profile="management")
        assert rc == 2, out
        assert "cannot replace" in out, out
        run(["verify-signature", copy, "--ca", CA], check=0)
    check("an unsigned declaration does not replace a signed one", unsigned_declare)

    # The container itself: bytes that belong to no entry ride along under a
    # valid signature unless verify refuses them (exit 2, the place named),
    # and so does an entry two tools would show under two names.
    raw = open(pkg_a, "rb").read()

    def container_refused(name, data, said):
        path = os.path.join(TMP, name + ".scsp")
        with open(path, "wb") as f:
            f.write(data)
        rc, out = run(["verify", path, "--ca", CA])
        if rc != 2 or said not in out:
            raise AssertionError("verify exit %d, wanted 2 naming %r\n%s" % (rc, said, out))

    def archive_comment():
        copy = os.path.join(TMP, "comment.scsp")
        shutil.copy(pkg_a, copy)
        with zipfile.ZipFile(copy, "a") as z:
            z.comment = "審査済み・承認済み".encode()
        container_refused("comment", open(copy, "rb").read(), "archive comment of 27 bytes")
    check("an archive comment added: refused, no signature covers it", archive_comment)

    check("bytes appended after the end: refused", lambda: container_refused(
        "appended", raw + b"<script>payload</script>", "24 bytes follow the end of the archive"))
    check("bytes put in front (a polyglot): refused", lambda: container_refused(
        "prefixed", b"MZ" + b"\0" * 62 + raw, "64 bytes come before the archive"))

    def gap_before_directory():
        end = raw.rfind(b"PK\x05\x06")
        size, offset = struct.unpack("<II", raw[end + 12:end + 20])
        hidden = b"HIDDEN PAYLOAD"
        data = (raw[:offset] + hidden + raw[offset:end + 16] + struct.pack("<I", offset + len(hidden)) +
                raw[end + 20:])
        container_refused("gap", data, "14 bytes between the last entry and the archive")
    check("bytes hidden between the entries and the directory, offsets fixed: refused",
          gap_before_directory)

    # regression tests of layout rules that had none: what unzip -t passes
    def directory_entries(data):
        end = data.rfind(b"PK\x05\x06")
        count, _, offset = struct.unpack("<HII", data[end + 10:end + 20])
        out, at = {}, offset
        for _ in range(count):
            name_length, extra_length, comment_length = struct.unpack("<HHH", data[at + 28:at + 34])
            out[data[at + 46:at + 46 + name_length].decode()] = at
            at += 46 + name_length + extra_length + comment_length
        return out

    def patched(data, at, fmt, *values):
        return data[:at] + struct.pack(fmt, *values) + data[at + struct.calcsize(fmt):]

    def local_header(data, name):
        return struct.unpack("<I", data[directory_entries(data)[name] + 42:][:4])[0]

    def local_sizes():
        at = local_header(raw, "report.pdf")
        container_refused("local-sizes", patched(raw, at + 18, "<II", 1000, 1000), "disagree")
    check("a local header giving other sizes than the directory: refused", local_sizes)

    def descriptor_lies():
        at = local_header(raw, evidence)
        name_length, extra_length = struct.unpack("<HH", raw[at + 26:at + 30])
        packed = struct.unpack("<I", raw[directory_entries(raw)[evidence] + 20:][:4])[0]
        descriptor = at + 30 + name_length + extra_length + packed
        assert raw[descriptor:descriptor + 4] == b"PK\x07\x08", "no data descriptor"
        container_refused("descriptor", patched(raw, descriptor + 8, "<I", packed + 1), "disagree")
    check("a data descriptor giving another size: refused", descriptor_lies)

    def overlapping():
        # the directory points report.pdf at the evidence file's local header
        entry = directory_entries(raw)["report.pdf"]
        container_refused("overlap", patched(raw, entry + 42, "<I", local_header(raw, evidence)), "overlaps")
    check("two directory entries over one local header (overlapping): refused", overlapping)

    def two_end_records():
        # a second directory and end record after the first: tools that
        # read the first see one package, the others another
        end = raw.rfind(b"PK\x05\x06")
        size, offset = struct.unpack("<II", raw[end + 12:end + 20])
        data = raw + raw[offset:end] + patched(raw[end:], 16, "<I", len(raw))
        container_refused("two-ends", data, "belong to no entry")
    check("a second directory and end record after the first: refused", two_end_records)

    def unicode_path():
        # Info-ZIP's Unicode path field: 7-Zip and others show this name instead.
        path = os.path.join(TMP, "unicode-path.scsp")
        with zipfile.ZipFile(path, "w") as z:
            for name, data in honest:
                info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                if name == evidence:
                    alias = b"evidence/invoice.exe"
                    field = b"\x01" + struct.pack("<I", zlib.crc32(name.encode())) + alias
                    info.extra = struct.pack("<HH", 0x7075, len(field)) + field
                z.writestr(info, data, compress_type=zipfile.ZIP_STORED if name == "mimetype"
                           else zipfile.ZIP_DEFLATED)
        container_refused("unicode-path", open(path, "rb").read(), "(0x7075)")
    check("a Unicode-path field shows an evidence file under another name: refused", unicode_path)

    def directory_name():
        # the local header keeps the signed name, the directory (what most
        # tools list) another of the same length
        at = raw.rfind(evidence.encode())
        other = evidence[:-5] + "X" + evidence[-4:]
        container_refused("directory-name", raw[:at] + other.encode() + raw[at + len(evidence.encode()):],
                          "is named \u2018%s\u2019 in the archive" % other)
    check("the directory names an evidence file differently from its entry: refused", directory_name)

    def nul_in_name():
        # every tool stops reading the name at the NUL: the rest rides along
        name = evidence.encode()
        forged = raw.replace(name, name[:-4] + b"\0exe")
        container_refused("nul-name", forged, "NUL byte")
    check("bytes hidden in a name after a NUL byte: refused", nul_in_name)

    def repeated_extra():
        # thousands of timestamp fields could carry a payload
        path = os.path.join(TMP, "repeated-extra.scsp")
        field = struct.pack("<HHB3I", 0x5455, 13, 7, 0x48494444, 0x454e2121, 0x21212121)
        with zipfile.ZipFile(path, "w") as z:
            for name, data in honest:
                info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                if name == evidence:
                    info.extra = field * 8
                z.writestr(info, data, compress_type=zipfile.ZIP_STORED if name == "mimetype"
                           else zipfile.ZIP_DEFLATED)
        container_refused("repeated-extra", open(path, "rb").read(), "(0x5455)")
    check("a timestamp extra field repeated to carry a payload: refused", repeated_extra)

    def utf8_flag_cleared():
        # the same bytes, the UTF-8 flag (bit 11) cleared in every header:
        # Python's zipfile (and Windows) then show the Japanese name in a
        # DOS code page, under a name no manifest references
        data = bytearray(raw)
        for m in re.finditer(rb"PK\x03\x04|PK\x01\x02", raw):
            at = m.start() + (6 if m.group(0) == b"PK\x03\x04" else 8)
            data[at:at + 2] = struct.pack("<H", struct.unpack("<H", raw[at:at + 2])[0] & ~0x800)
        with zipfile.ZipFile(__import__("io").BytesIO(bytes(data))) as z:
            shown = [i.filename for i in z.infolist() if i.filename.startswith("evidence/")]
        assert any("証跡" not in n and n not in names for n in shown), shown
        container_refused("utf8-flag", bytes(data), "not marked as UTF-8")
    check("a Japanese entry name not marked as UTF-8 (other tools show another name): refused",
          utf8_flag_cleared)

    def deflate_trailer():
        # bytes hidden inside an entry's compressed size, after its deflate
        # stream ends: in no file, under no signature; unzip -t passes them
        entries = []
        for name, data in honest:
            if name == "mimetype":
                payload, method = data, 0
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                payload, method = c.compress(data) + c.flush(), 8
                if name == "assessment.xml":
                    payload += b"HIDDEN PAYLOAD AFTER THE DEFLATE STREAM"
            entries.append((name.encode(), payload, method, zlib.crc32(data), len(data)))
        out, directory = b"", b""
        for name, payload, method, crc, size in entries:
            flags = 0x800 if name != b"mimetype" else 0
            head = struct.pack("<HHHHHIII", 20, flags, method, 0, 0x21, crc, len(payload), size)
            directory += (b"PK\x01\x02" + struct.pack("<H", 0x31e) + head +
                          struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0o100644 << 16, len(out)) + name)
            out += b"PK\x03\x04" + head + struct.pack("<HH", len(name), 0) + name + payload
        out += directory + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries),
                                                        len(directory), len(out), 0)
        path = os.path.join(TMP, "deflate-trailer.scsp")
        with open(path, "wb") as f:
            f.write(out)
        subprocess.run(["unzip", "-tq", path], check=True, capture_output=True)
        container_refused("deflate-trailer", out, "assessment.xml")
    check("bytes hidden after an entry's deflate stream (unzip -t passes): refused", deflate_trailer)

    # Names a viewer or Windows shows as other names: refused before any
    # signature is looked at (exit 2), whoever signed them.
    def odd_name(tag, name, said, more=()):
        path = os.path.join(TMP, tag + ".scsp")
        write_zip(path, honest + list(more) + [(name, b"hidden\n")])
        container_refused(tag, open(path, "rb").read(), said)
    check("an entry name with U+202E (right-to-left override): refused", lambda: odd_name(
        "rlo", "evidence/invoice\u202efdp.exe", "U+202E"))
    check("an entry name with a zero-width space: refused", lambda: odd_name(
        "zwsp", evidence[:-4] + "\u200b" + evidence[-4:], "U+200B"))
    check("an entry name with a trailing dot (Windows drops it): refused", lambda: odd_name(
        "trailing-dot", "report.pdf.", "Windows"))
    check("an entry name with a trailing space: refused", lambda: odd_name(
        "trailing-space", evidence + " ", "Windows"))
    for reserved in ["evidence/CON.txt", "evidence/nul", "evidence/Com1 .pdf", "aux/report.pdf", "evidence/lpt9.tar.gz"]:
        check("an entry name with the Windows device name %r: refused" % reserved,
              lambda reserved=reserved: odd_name("reserved", reserved, "device name"))
    # regression tests of name rules that had no package-level test
    check("two entry names differing only in Unicode form (NFC, NFD): refused", lambda: odd_name(
        "nfd", unicodedata.normalize("NFD", "evidence/が.txt"), "occurs twice", [("evidence/が.txt", b"a")]))
    check("two entry names differing only in letter case: refused", lambda: odd_name(
        "case", evidence.upper(), "occurs twice"))
    check("a folder entry over an evidence file's folder: refused", lambda: odd_name(
        "folder", "evidence/", "not a plain file"))
    check("an entry name with ..: refused", lambda: odd_name("dotdot", "evidence/../report.pdf", "could escape"))

    # Signatures an attacker can make with a certificate of their own from
    # the trusted CA, or with a key that may not sign documents: each
    # re-signs management's (honest) manifest with openssl cms.
    def leaf(name, issuer, subject, ext, key="ec", opt="ec_paramgen_curve:P-256"):
        base = os.path.join(CERTS, name)
        subprocess.run(["openssl", "req", "-new", "-newkey", key, "-pkeyopt", opt, "-nodes", "-keyout",
                        base + ".key.pem", "-subj", subject, "-out", base + ".csr"], check=True, capture_output=True)
        with open(base + ".ext", "w") as f:
            f.write(ext + "\n")
        subprocess.run(["openssl", "x509", "-req", "-in", base + ".csr", "-CA", os.path.join(CERTS, issuer + ".pem"),
                        "-CAkey", os.path.join(CERTS, issuer + ".key.pem"), "-CAcreateserial", "-days", "365",
                        "-extfile", base + ".ext", "-out", base + ".pem"], check=True, capture_output=True)

    usage = "keyUsage=critical,digitalSignature,nonRepudiation"
    leaf("weak", "ca", "/CN=Weak Manager", usage, "rsa", "rsa_keygen_bits:1024")
    leaf("rsa2048", "ca", "/CN=RSA Manager", usage, "rsa", "rsa_keygen_bits:2048")
    leaf("tsa", "ca", "/CN=Test TSA", usage + "\nextendedKeyUsage=critical,timeStamping")
    leaf("server", "ca", "/CN=Server Manager", usage + "\nextendedKeyUsage=serverAuth")
    leaf("smime", "ca", "/CN=SMIME Manager", usage + "\nextendedKeyUsage=emailProtection")
    leaf("underexpert", "expert", "/CN=Manager Hanako", usage)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", os.path.join(CERTS, "fakeca.key.pem"), "-subj", "/CN=SCS Test CA ca", "-days", "30",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                    "-out", os.path.join(CERTS, "fakeca.pem")], check=True, capture_output=True)
    leaf("underfake", "fakeca", "/CN=Manager Hanako", usage)
    management_manifest = dict(honest)["META-INF/ASiCManifest-management.xml"]

    def resigned(name, signer, *options, manifest=None):
        manifest = manifest or management_manifest
        content = os.path.join(TMP, name + ".xml")
        with open(content, "wb") as f:
            f.write(manifest)
        cms = os.path.join(TMP, name + ".p7s")
        subprocess.run(["openssl", "cms", "-sign", "-binary", "-in", content, "-outform", "DER", "-out", cms,
                        "-signer", os.path.join(CERTS, signer + ".pem"),
                        "-inkey", os.path.join(CERTS, signer + ".key.pem")] + list(options),
                       check=True, capture_output=True)
        signature = open(cms, "rb").read()
        replaced = {"META-INF/signature-management.p7s": signature, "META-INF/ASiCManifest-management.xml": manifest}
        return tampered(name, [(n, replaced.get(n, d)) for n, d in honest], recompute=False)

    def signature_refused(name, signer, options, *said):
        out = expect_refused(resigned(name, signer, *options), *said)
        assert "FAILED  signature-management" in out, out

    check("re-signed with openssl by management's own certificate: valid (control)", lambda: run(
        ["verify", resigned("resigned", "manager"), "--ca", CA], check=0))
    check("an S/MIME certificate (emailProtection) may sign: valid (control)", lambda: run(
        ["verify", resigned("smime", "smime"), "--ca", CA], check=0))
    check("a SHA-1 signature: refused, the digest named", lambda: signature_refused(
        "sha1", "manager", ["-md", "sha1"], "SHA1", "too weak"))
    check("an MD5 signature: refused, the digest named", lambda: signature_refused(
        "md5", "rsa2048", ["-md", "md5"], "MD5", "too weak"))
    check("an RSA-1024 certificate: refused as too weak", lambda: signature_refused(
        "rsa1024", "weak", [], "1024-bit RSA"))
    check("a time-stamping certificate signs as management: refused (extended key usage)", lambda: signature_refused(
        "tsa-signs", "tsa", [], "extended key usage"))
    check("a TLS server certificate signs as management: refused (extended key usage)", lambda: signature_refused(
        "server-signs", "server", [], "extended key usage"))
    check("a signature without signed attributes: refused", lambda: signature_refused(
        "noattr", "manager", ["-noattr"], "content-type"))
    check("a signature that carries its content: refused as not detached", lambda: signature_refused(
        "attached", "manager", ["-nodetach"], "detached"))
    def same_signer():
        rc, out = run(["verify", resigned("same-signer", "expert"), "--ca", CA])
        assert rc == 0 and "same certificate" in out, "verify exit %d\n%s" % (rc, out)
    check("the expert's certificate signs as management too: said (a warning)", same_signer)
    # regression tests of rules that had none
    def referenced_twice():
        text = management_manifest.decode()
        ref = re.search(r'  <asic:DataObjectReference URI="%s".*?</asic:DataObjectReference>\n' % re.escape(evidence),
                        text, re.S).group(0)
        manifest = text.replace(ref, ref + ref, 1).encode()
        expect_refused(resigned("referenced-twice", "manager", manifest=manifest), "referenced twice")
    check("an evidence file referenced twice in a validly signed manifest: refused", referenced_twice)

    def listed_not_in_zip():
        text = management_manifest.decode()
        ref = re.search(r'  <asic:DataObjectReference URI="%s".*?</asic:DataObjectReference>\n' % re.escape(evidence),
                        text, re.S).group(0)
        manifest = text.replace(ref, ref + ref.replace(evidence, "evidence/ghost.pdf"), 1).encode()
        expect_refused(resigned("ghost", "manager", manifest=manifest), "evidence/ghost.pdf", "missing")
    check("a validly signed manifest lists a file the package lacks: refused", listed_not_in_zip)
    check("a certificate issued by the expert's (non-CA) certificate: not trusted", lambda: signature_refused(
        "leaf-issued", "underexpert", ["-certfile", os.path.join(CERTS, "expert.pem")], "not issued by a CA you trust"))
    check("an intermediate the attacker made under the CA's name: not trusted", lambda: signature_refused(
        "fake-intermediate", "underfake", ["-certfile", os.path.join(CERTS, "fakeca.pem")],
        "not issued by a CA you trust"))

    # assessment.xml as someone holding both keys could sign it (openssl
    # cms, both manifests and the declaration's bindings made anew): what
    # verify reads must be what a reader sees.
    def signed_anew(name, assessment):
        files = dict(honest)
        old_hashes = [hashlib.sha256(files[n]).hexdigest()
                      for n in ("assessment.xml", "META-INF/ASiCManifest-expert.xml")]
        files["assessment.xml"] = assessment
        files["META-INF/ASiCManifest-expert.xml"] = dict(recompute_manifests(list(files.items())))[
            "META-INF/ASiCManifest-expert.xml"]

        def sign(who, key):
            content = os.path.join(TMP, "%s-%s.xml" % (name, who))
            with open(content, "wb") as f:
                f.write(files["META-INF/ASiCManifest-%s.xml" % who])
            cms = content + ".p7s"
            subprocess.run(["openssl", "cms", "-sign", "-binary", "-in", content, "-outform", "DER", "-out", cms,
                            "-signer", os.path.join(CERTS, key + ".pem"),
                            "-inkey", os.path.join(CERTS, key + ".key.pem")], check=True, capture_output=True)
            files["META-INF/signature-%s.p7s" % who] = open(cms, "rb").read()
        sign("expert", "expert")
        declaration = files["declaration.xml"].decode()
        for old, new in zip(old_hashes, [hashlib.sha256(files[n]).hexdigest()
                                         for n in ("assessment.xml", "META-INF/ASiCManifest-expert.xml")]):
            declaration = declaration.replace(old, new)
        files["declaration.xml"] = declaration.encode()
        files["META-INF/ASiCManifest-management.xml"] = dict(recompute_manifests(list(files.items())))[
            "META-INF/ASiCManifest-management.xml"]
        sign("management", "manager")
        return tampered(name, [(n, files[n]) for n, _ in honest], recompute=False)

    assessment = dict(honest)["assessment.xml"].decode()
    check("assessment.xml signed anew unchanged: valid (control)", lambda: run(
        ["verify", signed_anew("anew", assessment.encode()), "--ca", CA], check=0))
    first = re.search(r'<criterion id="1-2-1-1" level="3" state="met">', assessment)

    def answered_twice():
        twice = (assessment[:first.start()] + '<criterion id="1-2-1-1" level="3" state="not-met">'
                 '<note/><reason/></criterion>\n    ' + assessment[first.start():])
        expect_refused(signed_anew("twice", twice.encode()), "criterion 1-2-1-1 more than once")
    check("a criterion answered twice (not met, then met): refused", answered_twice)

    def na_empty_reason():
        na = assessment.replace('<criterion id="1-2-1-1" level="3" state="met">',
                                '<criterion id="1-2-1-1" level="3" state="na">', 1)
        expect_refused(signed_anew("na-empty", na.encode()), "1-2-1-1")
    check("not applicable with an empty reason: refused as not answered", na_empty_reason)

    # Hostile XML in a signed package entry: an XInclude of a local file
    # (never followed), 100 000 nested elements, entities expanding a
    # billion times, an external DTD; refused as hostile input (exit 2,
    # the entry named) in bounded time (60 s) and memory (1 GiB address
    # space), whoever signed it.
    def hostile_xml(tag, data, said):
        # signed anew by the stock tools, so that only the content is wrong
        path = signed_anew(tag, data)
        env = dict(os.environ, SCS_LANGUAGE="en", SCS_ACTOR="tamper", SCS_PROFILE=os.path.join(TMP, "sme.ini"))

        def limits():
            # AddressSanitizer reserves terabytes of shadow address space
            if not asan:
                import resource
                resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        asan = b"__asan_init" in open(CLI, "rb").read()
        p = subprocess.run([CLI, "verify", path, "--ca", CA], capture_output=True, text=True, env=env,
                           preexec_fn=limits, timeout=60)
        out = p.stdout + p.stderr
        assert p.returncode == 2 and said in out, "verify exit %d, wanted 2 naming %r\n%s" % (p.returncode, said, out)
        assert "‘assessment.xml’" in out, "the entry is not named\n" + out
        assert "root:" not in out, "the included file was read\n" + out
    check("assessment.xml with an XInclude of /etc/passwd: refused as hostile, nothing read", lambda: hostile_xml(
        "xinclude", b'<?xml version="1.0"?>\n<assessment xmlns:xi="http://www.w3.org/2001/XInclude">'
        b'<xi:include href="/etc/passwd" parse="text"/></assessment>\n', "XInclude"))
    check("assessment.xml nested 100 000 deep: refused as hostile, bounded", lambda: hostile_xml(
        "deep", b'<?xml version="1.0"?>\n' + b"<a>" * 100000 + b"</a>" * 100000, "nested more than"))
    laughs = b'<?xml version="1.0"?>\n<!DOCTYPE assessment [\n<!ENTITY l0 "lol">\n' + b"".join(
        b'<!ENTITY l%d "%s">\n' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)) + b"]>\n<assessment>&l9;</assessment>\n"
    check("assessment.xml with entities expanding a billion times: refused as hostile, bounded", lambda: hostile_xml(
        "laughs", laughs, "DOCTYPE"))
    check("assessment.xml with an external DTD: refused as hostile, nothing fetched", lambda: hostile_xml(
        "external-dtd", b'<?xml version="1.0"?>\n<!DOCTYPE assessment SYSTEM "file:///etc/passwd">\n'
        b"<assessment/>\n", "DOCTYPE"))

    # Time stamps: RFC 3161 tokens made with openssl ts and put into the
    # management signature as its unsigned id-aa-timeStampToken attribute
    # (anyone may add one: it is not under the signature).
    def der_read(data, at):
        length, head = data[at + 1], 2
        if length & 0x80:
            count = length & 0x7f
            length, head = int.from_bytes(data[at + 2:at + 2 + count], "big"), 2 + count
        return data[at], at, at + head, at + head + length

    def der_children(data, node):
        out, at = [], node[2]
        while at < node[3]:
            out.append(der_read(data, at))
            at = out[-1][3]
        return out

    def der(tag, content):
        n = len(content)
        size = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes(
            (n.bit_length() + 7) // 8, "big")
        return bytes([tag]) + size + content

    def signer_info_path(cms):
        path = [der_read(cms, 0)]                      # ContentInfo
        path.append(der_children(cms, path[-1])[1])    # [0]
        path.append(der_children(cms, path[-1])[0])    # SignedData
        path.append(der_children(cms, path[-1])[-1])   # signerInfos
        path.append(der_children(cms, path[-1])[0])    # SignerInfo
        return path

    def signature_value(cms):
        return [cms[c[2]:c[3]] for c in der_children(cms, signer_info_path(cms)[-1]) if c[0] == 0x04][0]

    def with_token(cms, token):
        path = signer_info_path(cms)
        kept = b"".join(cms[c[1]:c[3]] for c in der_children(cms, path[-1]) if c[0] != 0xa1)
        oid = bytes.fromhex("2a864886f70d010910020e")  # id-aa-timeStampToken
        data = der(0x30, kept + der(0xa1, der(0x30, der(0x06, oid) + der(0x31, token))))
        for parent, child in zip(reversed(path[:-1]), reversed(path[1:])):
            data = der(parent[0], cms[parent[2]:child[1]] + data + cms[child[3]:parent[3]])
        return data

    tsa_usage = "keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping"
    leaf("tsa-ok", "ca", "/CN=Test TSA", tsa_usage)
    leaf("tsa-foreign", "otherca", "/CN=Foreign TSA", tsa_usage)

    def token(signer, digest, imprint="sha256", signer_digest="sha256"):
        work = tempfile.mkdtemp(dir=TMP)
        with open(os.path.join(work, "serial"), "w") as f:
            f.write("01\n")
        with open(os.path.join(work, "tsa.cnf"), "w") as f:
            f.write("[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = %s\ncrypto_device = builtin\n"
                    "signer_digest = %s\ndefault_policy = 1.2.3.4.1\ndigests = sha1, sha256, sha384\n"
                    "accuracy = secs:1\ness_cert_id_alg = sha256\n" % (os.path.join(work, "serial"), signer_digest))
        query, out = os.path.join(work, "q.tsq"), os.path.join(work, "token.der")
        subprocess.run(["openssl", "ts", "-query", "-digest", hashlib.new(imprint, digest).hexdigest(),
                        "-" + imprint, "-cert", "-out", query], check=True, capture_output=True)
        subprocess.run(["openssl", "ts", "-reply", "-config", os.path.join(work, "tsa.cnf"), "-queryfile", query,
                        "-signer", os.path.join(CERTS, signer + ".pem"),
                        "-inkey", os.path.join(CERTS, signer + ".key.pem"), "-token_out", "-out", out],
                       check=True, capture_output=True)
        return open(out, "rb").read()

    honest_cms = dict(honest)["META-INF/signature-management.p7s"]

    def stamped(name, cms, tst):
        entries = [(n, with_token(cms, tst) if n == "META-INF/signature-management.p7s" else d) for n, d in honest]
        return tampered(name, entries, recompute=False)

    def stamp_valid():
        rc, out = run(["verify", stamped("tst", honest_cms, token("tsa-ok", signature_value(honest_cms))),
                       "--ca", CA], check=0)
        assert "B-T" in out, out
    check("a time stamp added by anyone from a trusted TSA: valid, B-T (control)", stamp_valid)
    check("a time stamp over other data: refused", lambda: expect_refused(
        stamped("tst-other", honest_cms, token("tsa-ok", b"other data")), "message imprint"))
    check("a time stamp from a TSA of an untrusted CA: refused", lambda: expect_refused(
        stamped("tst-foreign", honest_cms, token("tsa-foreign", signature_value(honest_cms))),
        "time stamp", "not issued by a CA you trust"))
    other_cms = dict(read_zip(pkg_b))["META-INF/signature-management.p7s"]
    check("a time stamp replayed from another package: refused", lambda: expect_refused(
        stamped("tst-replayed", honest_cms, token("tsa-ok", signature_value(other_cms))), "message imprint"))
    check("a time stamp with a SHA-1 imprint: refused", lambda: expect_refused(
        stamped("tst-sha1-imprint", honest_cms, token("tsa-ok", signature_value(honest_cms), imprint="sha1")),
        "time stamp"))
    check("a time stamp signed with SHA-1: refused", lambda: expect_refused(
        stamped("tst-sha1", honest_cms, token("tsa-ok", signature_value(honest_cms), signer_digest="sha1")),
        "too weak"))

    # RFC 3161 §2.3: the TSA's certificate has one extended key usage,
    # critical, with id-kp-timeStamping only. openssl ts -reply will not sign
    # with any other, so the attacker signs the TSTInfo of an honest token
    # with openssl cms (a token in form) under a certificate of their own
    # from the trusted CA, or under the CA's key itself; openssl ts -verify
    # refuses each too.
    leaf("tsa-noncritical", "ca", "/CN=TSA NonCritical", "keyUsage=critical,digitalSignature\n"
         "extendedKeyUsage=timeStamping")
    leaf("tsa-server", "ca", "/CN=TSA Server", "keyUsage=critical,digitalSignature\n"
         "extendedKeyUsage=critical,timeStamping,serverAuth")
    leaf("tsa-noeku", "ca", "/CN=TSA NoEKU", "keyUsage=critical,digitalSignature")

    def token_by(signer, digest):
        work = tempfile.mkdtemp(dir=TMP)
        honest_token, tst_info = os.path.join(work, "token.der"), os.path.join(work, "tstinfo.der")
        with open(honest_token, "wb") as f:
            f.write(token("tsa-ok", digest))
        subprocess.run(["openssl", "cms", "-verify", "-noverify", "-binary", "-inform", "DER", "-in", honest_token,
                        "-out", tst_info], check=True, capture_output=True)
        return subprocess.run(["openssl", "cms", "-sign", "-binary", "-nodetach", "-nosmimecap", "-md", "sha256",
                               "-econtent_type", "1.2.840.113549.1.9.16.1.4", "-in", tst_info, "-outform", "DER",
                               "-signer", os.path.join(CERTS, signer + ".pem"),
                               "-inkey", os.path.join(CERTS, signer + ".key.pem")],
                              check=True, capture_output=True).stdout

    def openssl_ts_refuses(value, tst, said):
        # what the stock tool says of the same token over the same bytes
        work = tempfile.mkdtemp(dir=TMP)
        for name, data in (("data", value), ("token.der", tst)):
            with open(os.path.join(work, name), "wb") as f:
                f.write(data)
        p = subprocess.run(["openssl", "ts", "-verify", "-data", "data", "-in", "token.der", "-token_in",
                            "-CAfile", CA], cwd=work, capture_output=True, text=True)
        assert p.returncode != 0 and said in p.stderr, \
            "openssl ts -verify: exit %d\n%s" % (p.returncode, p.stdout + p.stderr)
    def unfit_tsa(signer, *said):
        value = signature_value(honest_cms)
        tst = token_by(signer, value)
        out = expect_refused(stamped("tst-" + signer, honest_cms, tst), "time stamp", *said)
        assert "FAILED  signature-management" in out, out
        openssl_ts_refuses(value, tst, "unsuitable certificate purpose")
    def no_ess():
        # the trusted TSA's own key and certificate, but no signed
        # signing-certificate attribute naming it (RFC 3161 §2.4.1)
        value = signature_value(honest_cms)
        tst = token_by("tsa-ok", value)
        expect_refused(stamped("tst-no-ess", honest_cms, tst), "time stamp", "signing-certificate attribute")
        openssl_ts_refuses(value, tst, "missing signing certificate attribute")
    check("a time stamp without a signing-certificate attribute: refused", no_ess)
    check("a time stamp by a TSA whose extended key usage is not critical: refused", lambda: unfit_tsa(
        "tsa-noncritical", "not marked critical"))
    check("a time stamp by a TSA also for serverAuth: refused", lambda: unfit_tsa(
        "tsa-server", "timeStamping only"))
    check("a time stamp by a TSA without extended key usage: refused", lambda: unfit_tsa(
        "tsa-noeku", "no extended key usage"))
    check("a time stamp signed by the trusted CA itself: refused", lambda: unfit_tsa(
        "ca", "is a CA certificate"))

    def stamped_before_valid():
        # a certificate valid only from 2090, stamped now
        cms = dict(read_zip(resigned("notyet-signed", "notyet")))["META-INF/signature-management.p7s"]
        expect_refused(stamped("tst-before", cms, token("tsa-ok", signature_value(cms))), "stamped time")
    check("a time stamp before the signer's certificate is valid: refused", stamped_before_valid)

    def stamped_after_expiry():
        # a certificate that has expired, stamped now: the stamp proves the
        # signature was made after its end
        cms = dict(read_zip(resigned("expired-signed", "expired")))["META-INF/signature-management.p7s"]
        expect_refused(stamped("tst-expired", cms, token("tsa-ok", signature_value(cms))), "stamped time")
    check("a time stamp after the signer's certificate expired: refused", stamped_after_expiry)

    def signed_at(name, delta):
        # signingTime moved by @delta seconds from now and signed again with
        # openssl dgst over the signed attributes (RSA: same length, so the
        # bytes are spliced in place); then stamped now by a trusted TSA
        package = resigned(name + "-signed", "rsa2048")
        cms = bytearray(dict(read_zip(package))["META-INF/signature-management.p7s"])
        info = signer_info_path(bytes(cms))[-1]
        attrs = [c for c in der_children(bytes(cms), info) if c[0] == 0xa0][0]
        oid = bytes.fromhex("06092a864886f70d010905")  # signingTime
        at = bytes(cms).index(oid, attrs[2], attrs[3])
        utc = der_read(bytes(cms), der_children(bytes(cms), der_read(bytes(cms), at + len(oid)))[0][1])
        assert utc[0] == 0x17 and utc[3] - utc[2] == 13, "signingTime is not a UTCTime"
        when = time.strftime("%y%m%d%H%M%SZ", time.gmtime(time.time() + delta)).encode()
        cms[utc[2]:utc[3]] = when
        to_sign = os.path.join(TMP, name + ".attrs")
        with open(to_sign, "wb") as f:
            f.write(b"\x31" + bytes(cms[attrs[1] + 1:attrs[3]]))
        value = subprocess.run(["openssl", "dgst", "-sha256", "-sign", os.path.join(CERTS, "rsa2048.key.pem"),
                                to_sign], check=True, capture_output=True).stdout
        sig = [c for c in der_children(bytes(cms), info) if c[0] == 0x04][0]
        assert len(value) == sig[3] - sig[2], "signature length differs"
        cms[sig[2]:sig[3]] = value
        cms = bytes(cms)
        entries = [(n, with_token(cms, token("tsa-ok", value)) if n == "META-INF/signature-management.p7s" else d)
                   for n, d in read_zip(package)]
        return tampered(name, entries, recompute=False)

    def signed_earlier():
        rc, out = run(["verify", signed_at("signed-earlier", -600), "--ca", CA], check=0)
        assert "B-T" in out, out
    check("signingTime 10 minutes before the time stamp: valid (control)", signed_earlier)
    check("signingTime 1 minute after the time stamp (clock skew): valid", lambda: run(
        ["verify", signed_at("signed-skew", 60), "--ca", CA], check=0))
    check("signingTime an hour after the time stamp: refused", lambda: expect_refused(
        signed_at("signed-later", 3600), "signing time", "time stamp"))

    def two_signers():
        # a second SignerInfo added with openssl cms -resign
        package = resigned("two-signers-first", "rsa2048")
        work = tempfile.mkdtemp(dir=TMP)
        first, content = os.path.join(work, "first.p7s"), os.path.join(work, "content.xml")
        with open(first, "wb") as f:
            f.write(dict(read_zip(package))["META-INF/signature-management.p7s"])
        with open(content, "wb") as f:
            f.write(management_manifest)
        both = subprocess.run(["openssl", "cms", "-resign", "-binary", "-inform", "DER", "-in", first,
                               "-content", content, "-outform", "DER",
                               "-signer", os.path.join(CERTS, "smime.pem"),
                               "-inkey", os.path.join(CERTS, "smime.key.pem")],
                              check=True, capture_output=True).stdout
        signer_infos = der_children(both, signer_info_path(both)[-2])
        assert len(signer_infos) == 2, "openssl made %d SignerInfos" % len(signer_infos)
        entries = [(n, both if n == "META-INF/signature-management.p7s" else d) for n, d in read_zip(package)]
        expect_refused(tampered("two-signers", entries, recompute=False), "more than one signature")
    check("a CMS with two SignerInfos (openssl cms -resign): refused", two_signers)

    def one_attribute_only(oid_hex, named):
        # the contentType or messageDigest attribute cut out of the signed
        # attributes, which are then signed again (RSA) and the lengths redone
        package = resigned("attr-" + oid_hex[-2:], "rsa2048")
        cms = dict(read_zip(package))["META-INF/signature-management.p7s"]
        path = signer_info_path(cms)
        children = der_children(cms, path[-1])
        attrs = [c for c in children if c[0] == 0xa0][0]
        kept = b"".join(cms[a[1]:a[3]] for a in der_children(cms, attrs)
                        if not cms[a[2]:a[3]].startswith(bytes.fromhex(oid_hex)))
        assert len(kept) < attrs[3] - attrs[2], "attribute not found"
        to_sign = os.path.join(TMP, "attr-%s.der" % oid_hex[-2:])
        with open(to_sign, "wb") as f:
            f.write(der(0x31, kept))
        value = subprocess.run(["openssl", "dgst", "-sha256", "-sign", os.path.join(CERTS, "rsa2048.key.pem"),
                                to_sign], check=True, capture_output=True).stdout
        data = b""
        for c in children:
            if c[0] == 0xa0:
                data += der(0xa0, kept)
            elif c[0] == 0x04:
                data += der(0x04, value)
            else:
                data += cms[c[1]:c[3]]
        data = der(0x30, data)
        for parent, child in zip(reversed(path[:-1]), reversed(path[1:])):
            data = der(parent[0], cms[parent[2]:child[1]] + data + cms[child[3]:parent[3]])
        entries = [(n, data if n == "META-INF/signature-management.p7s" else d) for n, d in read_zip(package)]
        expect_refused(tampered("attr-" + oid_hex[-2:], entries, recompute=False), named)
    check("signed attributes without contentType (signed again): refused", lambda: one_attribute_only(
        "06092a864886f70d010903", "no signed content-type attribute"))
    check("signed attributes without messageDigest (signed again): refused", lambda: one_attribute_only(
        "06092a864886f70d010904", "no signed message-digest attribute"))

    print("1..%d" % len(results))
    for i, (ok, name, why) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        for line in why.splitlines():
            print("# " + line)
    shutil.rmtree(TMP, ignore_errors=True)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
