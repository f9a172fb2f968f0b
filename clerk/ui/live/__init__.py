"""The live meeting view: header, agenda navigator, item workspace, attendance panel."""
