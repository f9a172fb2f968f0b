"""Support for Clerk's tests, benchmarks and screenshots: not part of the shipped application.

``clerk_support.synthetic`` makes synthetic councils and archives of any size (tests and
``bench/``); ``clerk_support.certificates`` makes throwaway certificates to sign and verify
with (the signing tests and the README's screenshots). Neither ships: the wheel's packages are
``clerk`` and ``clerk.*`` only (pyproject.toml), the installers leave ``clerk_support`` out
(installers/clerk.spec), and an import-linter contract keeps ``clerk`` from importing it (the
screenshot gallery, run from a checkout, is the one named exception).
"""
