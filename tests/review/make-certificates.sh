#!/bin/sh
# make-certificates.sh OUTDIR: test certificates for signing, made at test time.
#   ca.pem            test CA
#   expert.p12        expert key + certificate under ca.pem (passphrase "secret"),
#                     with the registration number 013258 as serialNumber
#   expired.p12       expired certificate under ca.pem
#   notyet.p12        certificate valid only from 2090 (fixed dates: the tests compare them)
#   expiring.p12      certificate under ca.pem that runs out in 10 days (warned about)
#   foreign.p12       certificate from another CA (otherca.pem)
#   nosig.p12         certificate without digitalSignature key usage
#   personal.p12      certificate with a street address (personal data)
#   manager.p12       management's certificate under ca.pem
#   <name>.key.pem, <name>.pem for each
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
out=$1
mkdir -p "$out"
cd "$out"

tmpl () { printf '%s\n' "$@" > "$name.tmpl"; }

key ()
{
  if [ "$1" = nosig ]; then
    # certtool adds digitalSignature to every EC certificate: RSA here.
    certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$1.key.pem" 2>/dev/null
  else
    certtool --generate-privkey --key-type=ecdsa --curve=secp256r1 --outfile "$1.key.pem" 2>/dev/null
  fi
}

ca () {
  name=$1; key "$name"
  tmpl "cn = \"SCS Test CA $name\"" "ca" "cert_signing_key" "crl_signing_key" "expiration_days = 3650"
  certtool --generate-self-signed --load-privkey "$name.key.pem" --template "$name.tmpl" \
    --outfile "$name.pem" 2>/dev/null
}

leaf () {
  name=$1; issuer=$2; shift 2
  key "$name"
  tmpl "$@"
  certtool --generate-certificate --load-privkey "$name.key.pem" --load-ca-certificate "$issuer.pem" \
    --load-ca-privkey "$issuer.key.pem" --template "$name.tmpl" --outfile "$name.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$name.key.pem" -in "$name.pem" -passout pass:secret \
    -name "$name" -out "$name.p12"
}

ca ca
ca otherca
# A year: well beyond the 30 days under which the sign dialog warns.
leaf expert ca "cn = \"Expert Taro\"" "organization = \"Test Security Office\"" "dn_oid = \"2.5.4.5 013258\"" "signing_key" "expiration_days = 365"
leaf manager ca "cn = \"Manager Hanako\"" "signing_key" "expiration_days = 365"
leaf expired ca "cn = \"Expired Expert\"" "signing_key" \
  "activation_date = \"2020-01-01 00:00:00 UTC\"" "expiration_date = \"2021-01-01 00:00:00 UTC\""
# The end is on the next day in Japan (UTC+9): shown dates are local.
leaf notyet ca "cn = \"Future Expert\"" "signing_key" \
  "activation_date = \"2090-01-01 00:00:00 UTC\"" "expiration_date = \"2091-06-30 18:00:00 UTC\""
leaf expiring ca "cn = \"Expiring Expert\"" "signing_key" "expiration_days = 10"
leaf foreign otherca "cn = \"Other CA Expert\"" "signing_key" "expiration_days = 365"
leaf nosig ca "cn = \"No Signature Expert\"" "encryption_key" "expiration_days = 365"
leaf personal ca "dn = \"CN=Personal Expert,street=1-2-3 Chiyoda,postalCode=100-0001\"" \
  "signing_key" "expiration_days = 365"
