// Fix texts, kept apart from the rules so each rule stays a few lines of logic.

interface FixText {
  summary: string;
  nginx: string;
  apache: string;
  caddy: string;
  haproxy: string;
  node: string;
}

type ServerLines = Omit<FixText, "summary">;

const PROTOCOLS_12_13: ServerLines = {
  nginx: "ssl_protocols TLSv1.2 TLSv1.3;",
  apache: "SSLProtocol -all +TLSv1.2 +TLSv1.3",
  caddy: "tls { protocols tls1.2 tls1.3 }",
  haproxy: "global: ssl-default-bind-options ssl-min-ver TLSv1.2",
  node: "tls.createServer({ minVersion: 'TLSv1.2', ... })",
};

// Mozilla intermediate (guidelines 6.0): ECDHE only, AEAD only.
const OPENSSL_CIPHERS = [
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305",
  "ECDHE-RSA-CHACHA20-POLY1305",
].join(":");
const IANA_CIPHERS = [
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
].join(" ");

const CIPHERS: ServerLines = {
  nginx: `ssl_ciphers ${OPENSSL_CIPHERS}; ssl_prefer_server_ciphers off;`,
  apache: `SSLCipherSuite ${OPENSSL_CIPHERS}  and  SSLHonorCipherOrder off`,
  caddy: `remove any custom "ciphers" (Caddy's defaults are ECDHE + AEAD), or: tls { ciphers ${IANA_CIPHERS} }`,
  haproxy: `global: ssl-default-bind-ciphers ${OPENSSL_CIPHERS}`,
  node: `tls.createServer({ ciphers: '${OPENSSL_CIPHERS}', ... })`,
};

const INSTALL_CERT: ServerLines = {
  nginx: "ssl_certificate /etc/ssl/site/fullchain.pem; ssl_certificate_key /etc/ssl/site/privkey.pem;",
  apache:
    "SSLCertificateFile /etc/ssl/site/fullchain.pem  and  SSLCertificateKeyFile /etc/ssl/site/privkey.pem (Apache ≥ 2.4.8)",
  caddy:
    "tls /etc/ssl/site/fullchain.pem /etc/ssl/site/privkey.pem (or drop the line: Caddy gets one itself)",
  haproxy: "bind :443 ssl crt /etc/haproxy/certs/site.pem (leaf, intermediates and key in one file)",
  node: "tls.createServer({ cert: fs.readFileSync('fullchain.pem'), key: fs.readFileSync('privkey.pem') })",
};

const HSTS: ServerLines = {
  nginx: 'add_header Strict-Transport-Security "max-age=63072000" always;',
  apache: 'Header always set Strict-Transport-Security "max-age=63072000"',
  caddy: 'header Strict-Transport-Security "max-age=63072000"',
  haproxy: 'http-response set-header Strict-Transport-Security "max-age=63072000"',
  node: "res.setHeader('Strict-Transport-Security', 'max-age=63072000')",
};

export const FIXES = {
  "legacy-protocols": { summary: "Turn off SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1.", ...PROTOCOLS_12_13 },
  "enable-tls12": {
    summary: "Enable TLS 1.2 (needs OpenSSL 1.0.1 or later) next to TLS 1.3.",
    ...PROTOCOLS_12_13,
  },
  "enable-tls13": {
    summary: "Enable TLS 1.3 (needs OpenSSL 1.1.1 or later).",
    nginx: "ssl_protocols TLSv1.2 TLSv1.3;",
    apache: "SSLProtocol -all +TLSv1.2 +TLSv1.3 (Apache ≥ 2.4.37)",
    caddy: "tls { protocols tls1.2 tls1.3 } (the default)",
    haproxy: "global: ssl-default-bind-options ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.3",
    node: "tls.createServer({ maxVersion: 'TLSv1.3', ... }) (the default)",
  },
  "forward-secrecy": { summary: "Offer and prefer ECDHE key exchange; drop static RSA suites.", ...CIPHERS },
  aead: { summary: "Offer AES-GCM and ChaCha20-Poly1305 suites.", ...CIPHERS },
  "weak-ciphers": { summary: "Remove 3DES, RC4, DES, IDEA and other legacy suites.", ...CIPHERS },
  "broken-ciphers": { summary: "Remove NULL, EXPORT, anonymous and other sub-112-bit suites.", ...CIPHERS },
  "certificate-key": {
    summary:
      "Get a new certificate for a new key: `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 ...` (or RSA 2048+), then install it.",
    ...INSTALL_CERT,
  },
  "dh-parameters": {
    summary: "Use 2048-bit DH parameters (RFC 7919 ffdhe2048), or remove DHE suites.",
    nginx: "ssl_dhparam /etc/nginx/ffdhe2048.pem;",
    apache: 'SSLOpenSSLConfCmd DHParameters "/etc/ssl/ffdhe2048.pem"',
    caddy: "nothing to do: Caddy (Go) never offers DHE",
    haproxy: "global: ssl-dh-param-file /etc/haproxy/ffdhe2048.pem",
    node: "tls.createServer({ dhparam: 'auto', ... })",
  },
  "signature-sha256": {
    summary: "Reissue the certificate signed with SHA-256 and serve SHA-256 intermediates.",
    ...INSTALL_CERT,
  },
  "full-chain": {
    summary: "Serve the intermediate certificates with the leaf (the CA's fullchain.pem).",
    ...INSTALL_CERT,
  },
  "trusted-certificate": {
    summary: "Use a valid certificate from a publicly trusted CA, e.g. via ACME (Let's Encrypt).",
    ...INSTALL_CERT,
  },
  "name-match": {
    summary: "Use a certificate whose subjectAltName covers this host name (and check SNI routing).",
    ...INSTALL_CERT,
  },
  "replace-revoked": {
    summary: "Get a new certificate for a new key; the revoked one must not be served again.",
    ...INSTALL_CERT,
  },
  "secure-renegotiation": {
    summary: "Upgrade the TLS library: RFC 5746 secure renegotiation is built into OpenSSL 0.9.8m and later.",
    nginx: "rebuild or upgrade nginx against a current OpenSSL",
    apache: "upgrade mod_ssl / OpenSSL; SSLInsecureRenegotiation off",
    caddy: "nothing to configure: Go supports RFC 5746",
    haproxy: "upgrade HAProxy against a current OpenSSL",
    node: "upgrade Node (its OpenSSL supports RFC 5746)",
  },
  compression: {
    summary: "Turn off TLS compression (CRIME).",
    nginx: "upgrade nginx / OpenSSL (nginx ≥ 1.1.6 turns it off; OpenSSL 1.1.0+ leaves it out)",
    apache: "SSLCompression off",
    caddy: "nothing to configure: Go never compresses TLS",
    haproxy: "upgrade to an OpenSSL 1.1.0+ build (compression left out)",
    node: "upgrade Node (its OpenSSL 3 has no TLS compression)",
  },
  "hsts-invalid": { summary: "Send a valid HSTS header with a positive max-age.", ...HSTS },
  "hsts-a-plus": { summary: "Send HSTS with max-age of at least 15552000 (180 days).", ...HSTS },
} as const satisfies Record<string, FixText>;

export type FixId = keyof typeof FIXES;

export function fixFor(id: FixId): string {
  const f: FixText = FIXES[id];
  return [
    f.summary,
    `nginx: ${f.nginx}`,
    `Apache: ${f.apache}`,
    `Caddy: ${f.caddy}`,
    `HAProxy: ${f.haproxy}`,
    `Node: ${f.node}`,
  ].join("\n");
}
