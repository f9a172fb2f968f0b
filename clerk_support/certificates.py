"""Throwaway certificates: a root, the chair's signing certificate in a PKCS#12, another root.

For the README's screenshots and the tests of digital signing, which must sign and verify
without a council's real certificate authority. Never for real minutes: not shipped with Clerk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from clerk.fileio import write_bytes


@dataclass(frozen=True)
class Pki:
    root: Path
    p12: Path
    passphrase: bytes
    other_root: Path


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )


def _ca(common_name: str, organisation: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organisation))
        .issuer_name(_name(common_name, organisation))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_pki(
    folder: Path,
    signer_name: str = "Councillor Bye",
    organisation: str = "Torbay Council (test)",
    root_name: str = "Clerk Test Root",
    passphrase: bytes = b"correct horse battery staple",
) -> Pki:
    """A self-signed root, the chair's certificate from it in a PKCS#12, another root."""
    ca_key, ca_cert = _ca(root_name, organisation)
    _other_key, other_cert = _ca("Some Other Root", organisation)
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name, organisation))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = folder / "chair.p12"
    write_bytes(
        p12,
        pkcs12.serialize_key_and_certificates(
            b"chair", key, cert, [ca_cert], serialization.BestAvailableEncryption(passphrase)
        ),
    )
    root = folder / "root.pem"
    write_bytes(root, ca_cert.public_bytes(serialization.Encoding.PEM))
    other = folder / "other-root.pem"
    write_bytes(other, other_cert.public_bytes(serialization.Encoding.PEM))
    return Pki(root, p12, passphrase, other)
