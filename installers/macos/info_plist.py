"""Info.plist values for Clerk.app (read by installers/clerk.spec when building on macOS).

PyInstaller writes CFBundleName, CFBundleExecutable, CFBundleIdentifier, CFBundleIconFile and the
version keys itself; these are added to them. Clerk opens its meeting records
(``*.clerkmeeting``, JSON): the file type is declared here (an exported UTI conforming to
public.json) and Clerk is their owner, so Finder opens them with Clerk, which imports them.
"""

from __future__ import annotations

from typing import Any

RECORD_UTI = "org.clerk-minutes.meeting-record"
RECORD_EXTENSION = "clerkmeeting"


def info_plist(name: str, version: str, bundle_id: str) -> dict[str, Any]:
    return {
        "CFBundleDisplayName": name,
        "CFBundleName": name,
        "CFBundleIdentifier": bundle_id,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundlePackageType": "APPL",
        "CFBundleDevelopmentRegion": "en-GB",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": "Clerk is released under the MIT licence.",
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": RECORD_UTI,
                "UTTypeDescription": "Clerk meeting record",
                "UTTypeConformsTo": ["public.json", "public.data"],
                "UTTypeIconFile": "clerk.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": [RECORD_EXTENSION],
                    "public.mime-type": ["application/x-clerk-meeting"],
                },
            }
        ],
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Clerk meeting record",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [RECORD_UTI],
                "CFBundleTypeIconFile": "clerk.icns",
            }
        ],
    }
