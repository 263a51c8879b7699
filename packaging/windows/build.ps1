# Builds the Windows installers on a Windows 10/11 x64 machine (CI: .github/workflows/build.yml).
# Needs: Python 3.11+ x64 from python.org (py launcher), Inno Setup 6 (iscc.exe).
# Run from the repository root in PowerShell:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: dist\epcs-desktop\ (bundle) and dist\epcs-desktop-<version>-setup-x64.exe
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -Msi   (also the per-machine MSI)
param([switch]$Msi)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

# 1. A separate build venv: the program and PyInstaller only, no test tools.
if (-not (Test-Path build\pkg-venv\Scripts\python.exe)) { py -3.11 -m venv build\pkg-venv }
$py = "build\pkg-venv\Scripts\python.exe"
#    Everything comes from requirements.lock with pip's hash checking (PyInstaller included: the
#    `package` extra), then the project itself without touching the index (scripts/lock makes the lock).
& $py -m pip install --require-hashes --no-deps -r requirements.lock
if ($LASTEXITCODE -ne 0) { throw "pip install -r requirements.lock failed" }
& $py -m pip install --no-deps --no-build-isolation -e .
if ($LASTEXITCODE -ne 0) { throw "pip install -e . failed" }

# 2. The one-folder bundle: epcs-desktop.exe (console CLI) + EPCSDesktop.exe (windowed GUI).
#    The spec renders build\icons\epcs-desktop.ico from the SVG itself.
& $py -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\epcs-desktop.spec
if ($LASTEXITCODE -ne 0) { throw "pyinstaller failed" }

# 2b. Nothing the program never loads came back into the bundle (OpenCV's FFmpeg DLL, ...).
& $py packaging\check_bundle.py dist\epcs-desktop
if ($LASTEXITCODE -ne 0) { throw "the bundle holds files the program never loads" }

# 3. Smoke test the bundle before wrapping it (RFC 6238 vector: t=59 -> 287082).
$code = "otpauth://totp/RFC6238?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" | & dist\epcs-desktop\epcs-desktop.exe code - --at 59
if ($code -ne "287082") { throw "smoke test failed: got '$code'" }

# 4. The installer.
$version = & $py -c "import epcs_desktop; print(epcs_desktop.__version__)"
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = "iscc" }
& $iscc "/DAppVersion=$version" packaging\windows\epcs-desktop.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }

# 5. The per-machine MSI for Group Policy / Intune (WiX v5, packaging\windows\epcs-desktop.wxs).
if ($Msi) {
  if (-not (Get-Command wix -ErrorAction SilentlyContinue)) {
    dotnet tool install --global wix --version 5.0.2
    if ($LASTEXITCODE -ne 0) { throw "installing the WiX tool failed" }
    $env:PATH = "$env:PATH;$env:USERPROFILE\.dotnet\tools"
  }
  wix build -arch x64 -d "Version=$version" -bindpath "bundle=dist\epcs-desktop" `
    packaging\windows\epcs-desktop.wxs -o "dist\epcs-desktop-$version-x64.msi"
  if ($LASTEXITCODE -ne 0) { throw "wix build failed" }
}

# 6. Optional: sign both executables and the installer (Authenticode), e.g.
#   signtool sign /fd SHA256 /tr <your CA's RFC 3161 timestamp URL> /td SHA256 /a <file>
