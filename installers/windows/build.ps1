# Build Clerk for Windows: the PyInstaller bundle, a smoke test of it, then the Inno Setup
# installer.
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
#
# Needs: 64-bit Python 3.11+ from python.org with `pip install -e ".[test]"` run in the
# checkout (PyInstaller and Clerk's dependencies), and Inno Setup 6 (ISCC.exe on PATH, in its
# default folder, or named by the ISCC environment variable).
# Output: installers\dist\Clerk\ (the bundle) and installers\dist\clerk-<version>-windows-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }

$version = (& $python -c "import clerk; print(clerk.__version__)").Trim()
if ($LASTEXITCODE -ne 0) { throw "Cannot read Clerk's version" }

& $python -m PyInstaller --noconfirm --distpath installers\dist --workpath installers\build installers\clerk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The frozen program runs on its own: version, demo, export, outside the checkout.
$smoke = Join-Path ([System.IO.Path]::GetTempPath()) ("clerk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $smoke | Out-Null
$cli = Resolve-Path installers\dist\Clerk\clerk-cli.exe
Push-Location $smoke
try {
    $env:CLERK_HOME = $smoke
    & $cli --version; if ($LASTEXITCODE -ne 0) { throw "clerk-cli --version failed" }
    & $cli --db smoke.sqlite3 demo; if ($LASTEXITCODE -ne 0) { throw "clerk-cli demo failed" }
    & $cli --db smoke.sqlite3 export 1 -o smoke.clerkmeeting; if ($LASTEXITCODE -ne 0) { throw "clerk-cli export failed" }
} finally {
    Pop-Location
    Remove-Item Env:\CLERK_HOME
    Remove-Item -Recurse -Force $smoke
}

$iscc = $env:ISCC
if (-not $iscc) { $iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source }
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 (ISCC.exe) not found: install it or set ISCC" }
& $iscc "/DAppVersion=$version" installers\windows\clerk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installers\dist\clerk-$version-windows-setup.exe"
