"""Building blocks for the sign-off tests: meetings under way, approved minutes, certificates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.enums import MeetingKind
from clerk.services import setup, signoff
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database

AUGUST = 1  # the demo's 18 August 2021 meeting, recorded in full and closed
SEPTEMBER = 2  # the demo's 20 September 2021 meeting: the agenda only
BOARD = "cyp-scrutiny-board"

#: The script that opens the 20 September meeting and takes items 1 and 2 (Minutes).
OPEN_SEPTEMBER = (
    '{"action": "present", "person": "bye"}\n'
    '{"action": "present", "person": "barnby"}\n'
    '{"action": "present", "person": "douglas-dunbar"}\n'
    '{"action": "present", "person": "mills"}\n'
    '{"action": "start", "at": "09:30"}\n'
    '{"action": "open_item", "item": 1, "at": "09:30"}\n'
    '{"action": "open_item", "item": 2, "at": "09:32"}\n'
)


def under_way(
    database: Database,
    meeting_id: int,
    present: tuple[str, ...] = ("bye", "barnby", "douglas-dunbar", "mills"),
) -> MeetingSession:
    """Start a meeting with a quorum present and take its Apologies and Minutes items."""
    session = MeetingSession(database, meeting_id)
    for person in present:
        session.apply(Present(person))
    session.apply(StartMeeting(at=time(9, 30)))
    items = session.record.agenda()
    session.apply(OpenItem(item=items[0].id, at=time(9, 30)))
    session.apply(OpenItem(item=items[1].id, at=time(9, 32)))
    return session


def approved(database: Database, meeting_id: int = AUGUST) -> None:
    signoff.circulate(database, meeting_id, on=date(2021, 8, 19))
    signoff.approve(database, meeting_id, on=date(2021, 8, 23))


def confirmed(database: Database) -> None:
    approved(database)
    under_way(database, SEPTEMBER)
    signoff.confirm(database, AUGUST, SEPTEMBER)


def extra_meeting(database: Database, day: date, kind: MeetingKind = MeetingKind.ORDINARY) -> int:
    return setup.create_meeting(database, BOARD, day, at=time(9, 30), kind=kind)


# -- certificates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pki:
    root: Path
    p12: Path
    passphrase: bytes
    other_root: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Torbay Council (test)"),
        ]
    )


def _ca(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
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


def make_pki(folder: Path, signer_name: str = "Councillor Bye") -> Pki:
    """A self-signed test root, the chair's certificate from it in a PKCS#12, another root."""
    ca_key, ca_cert = _ca("Clerk Test Root")
    _other_key, other_cert = _ca("Some Other Root")
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name))
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
    passphrase = b"correct horse battery staple"
    p12 = folder / "chair.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"chair", key, cert, [ca_cert], serialization.BestAvailableEncryption(passphrase)
        )
    )
    root = folder / "root.pem"
    root.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    other = folder / "other-root.pem"
    other.write_bytes(other_cert.public_bytes(serialization.Encoding.PEM))
    return Pki(root, p12, passphrase, other)
