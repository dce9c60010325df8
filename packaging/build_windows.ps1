# Build the Windows installer: PyInstaller one-folder bundle, then Inno Setup.
# Run from the repository root in PowerShell, with uv and Inno Setup 6 (iscc on PATH).
$ErrorActionPreference = "Stop"
uv run pyinstaller --noconfirm build.spec
$version = (uv run python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
iscc "/DAppVersion=$version" installer\dropship-desktop.iss
