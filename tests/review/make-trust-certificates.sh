#!/bin/sh
# make-trust-certificates.sh OUTDIR: certificates for the trust tests, made
# at test time with openssl in a folder where make-certificates.sh ran.
#   certsign.p12      keyUsage keyCertSign only (not a CA): may not sign
#   ca.p12            the test CA itself (keyCertSign, CA:TRUE): may not sign
#   cadigital.p12     a CA (CA:TRUE) whose key usage includes digitalSignature: may not sign either
#   selfsigned.pem    self-signed "Expert Taro" with digitalSignature
#   rsa.p12           RSA expert under ca.pem (its DER sorts after small EC certificates)
#   root.pem, inter.pem, chain.p12   root → intermediate → leaf; the PKCS#12 holds the intermediate
#   ca.der            ca.pem as DER
#   tsa.pem           time-stamping certificate under ca.pem (EKU timeStamping, critical)
#   tsa.cnf           openssl ts configuration for tsa-server.py
#   ca-crl.pem        an empty CRL of ca.pem
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$1"
days=365

leaf () # name issuer subject extensions [keyopt]
{
  openssl req -new -newkey "${5:-ec}" ${6:+-pkeyopt "$6"} -nodes -keyout "$1.key.pem" -subj "$3" \
    -out "$1.csr" 2>/dev/null
  printf '%b\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key.pem" -CAcreateserial -days $days \
    -extfile "$1.ext" -out "$1.pem" 2>/dev/null
}

p12 () { openssl pkcs12 -export -inkey "$1.key.pem" -in "$1.pem" ${2:+-certfile "$2"} \
           -passout pass:secret -name "$1" -out "$1.p12"; }

leaf certsign ca "/CN=Cert Sign Only" "keyUsage=critical,keyCertSign" ec ec_paramgen_curve:P-256
p12 certsign
p12 ca
leaf cadigital ca "/CN=Signing CA" "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature,keyCertSign" \
  ec ec_paramgen_curve:P-256
p12 cadigital
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout selfsigned.key.pem \
  -subj "/CN=Expert Taro/O=Test Security Office" -days $days \
  -addext "basicConstraints=critical,CA:FALSE" \
  -addext "keyUsage=critical,digitalSignature,nonRepudiation" -out selfsigned.pem 2>/dev/null
leaf rsa ca "/CN=RSA Expert/O=Test Security Office/serialNumber=RISS-013258" \
  "keyUsage=critical,digitalSignature,nonRepudiation" rsa rsa_keygen_bits:3072
p12 rsa
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key.pem \
  -subj "/CN=SCS Test Root" -days 3650 -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" -out root.pem 2>/dev/null
leaf inter root "/CN=SCS Test Intermediate" \
  "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign" ec ec_paramgen_curve:P-256
leaf chain inter "/CN=Chain Expert/O=Test Security Office" \
  "keyUsage=critical,digitalSignature" ec ec_paramgen_curve:P-256
p12 chain inter.pem
openssl x509 -in ca.pem -outform DER -out ca.der
leaf tsa ca "/CN=SCS Test TSA" \
  "keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping" ec ec_paramgen_curve:P-256
echo 01 > tsaserial
cat > tsa.cnf <<CNF
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = $(pwd)/tsaserial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
printf 'crl_next_update = 30\ncrl_number = 1\n' > crl.tmpl
certtool --generate-crl --load-ca-certificate ca.pem --load-ca-privkey ca.key.pem \
  --template crl.tmpl --outfile ca-crl.pem 2>/dev/null
