#!/usr/bin/env bash
# Generates the dev JWT signing key pair (RSA 2048) used by `npm run token` and the apps:
#   .local/dev-jwt/private.pem  (PKCS#8, mode 600) — signs tokens (CLI only)
#   .local/dev-jwt/public.pem   (SPKI)             — verifies tokens (AuthModule.forRoot({ publicKeyPem }))
# Idempotent: does nothing if both files exist; if only private.pem exists, re-derives public.pem
# from it (so tokens already minted stay valid). `.local/` is git-ignored. DEV ONLY.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEY_DIR="$ROOT/.local/dev-jwt"
PRIVATE="$KEY_DIR/private.pem"
PUBLIC="$KEY_DIR/public.pem"

print_paths() {
  echo "private key: $PRIVATE"
  echo "public key:  $PUBLIC"
}

if [[ -s "$PRIVATE" && -s "$PUBLIC" ]]; then
  echo "dev JWT keys already exist / 开发密钥已存在"
  print_paths
  exit 0
fi

if ! command -v openssl >/dev/null 2>&1; then
  echo "openssl not found; please install it / 未找到 openssl，请先安装" >&2
  exit 1
fi

mkdir -p "$KEY_DIR"
chmod 700 "$KEY_DIR"

if [[ ! -s "$PRIVATE" ]]; then
  tmp="$(mktemp "$KEY_DIR/private.pem.XXXXXX")"
  trap 'rm -f "$tmp"' EXIT
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp" 2>/dev/null)
  chmod 600 "$tmp"
  mv "$tmp" "$PRIVATE"
  trap - EXIT
  rm -f "$PUBLIC" # a public key without its private key is useless
  echo "generated RSA 2048 private key / 已生成私钥"
fi

openssl pkey -in "$PRIVATE" -pubout -out "$PUBLIC"
chmod 644 "$PUBLIC"
echo "wrote public key / 已生成公钥"
print_paths
