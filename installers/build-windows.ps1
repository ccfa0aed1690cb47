# Build the Windows bundle and its installer, from the repository (PowerShell 5.1 or 7):
#   powershell -ExecutionPolicy Bypass -File installers\build-windows.ps1
# gives dist\siteplanner\ (the one-folder bundle: dist\siteplanner\siteplanner.exe) and
# dist\siteplanner-VERSION-windows-x64-setup.exe (Inno Setup; per-user, no administrator rights),
# and writes sizes and start-up times to dist\build-windows.log.
# Needs Python 3.11+ (py launcher or python on PATH) and Inno Setup 6.3+ (ISCC.exe on PATH or in
# its default folder; `choco install innosetup` or `winget install JRSoftware.InnoSetup`).
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
Set-Location $Root
$Venv = Join-Path $Root ".venv-windows"
$Py = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build\pyinstaller"
$Log = Join-Path $Dist "build-windows.log"

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path $Py)) {
    # The python on PATH first (what actions/setup-python or the python.org installer put
    # there), else the py launcher's 3.11.
    if (Get-Command python -ErrorAction SilentlyContinue) { Invoke-Checked "python" @("-m", "venv", $Venv) }
    else { Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv) }
}
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "-e", ".[dev,installers]")

$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
New-Item -ItemType Directory -Force -Path $Dist | Out-Null
"SitePlanner $Version, Windows x64 bundle, built $((Get-Date).ToUniversalTime().ToString('s'))Z" | Set-Content -Encoding utf8 $Log

$Watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", $Dist, "--workpath", $Work, "installers\siteplanner.spec")
"pyinstaller: $([int]$Watch.Elapsed.TotalSeconds) s" | Add-Content $Log

$Iscc = Get-Command ISCC.exe -ErrorAction SilentlyContinue
$IsccPath = if ($Iscc) { $Iscc.Source } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $IsccPath)) { throw "Inno Setup 6 (ISCC.exe) not found: install it, e.g. choco install innosetup" }
Invoke-Checked $IsccPath @("/Qp", "/DAppVersion=$Version", "installers\windows\siteplanner.iss")

# Figures: the same as the Linux build log.
$Bundle = Join-Path $Dist "siteplanner"
$Exe = Join-Path $Bundle "siteplanner.exe"
$Bytes = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Sum Length).Sum
$Setup = Get-Item (Join-Path $Dist "siteplanner-$Version-windows-x64-setup.exe")
"bundle unpacked: $([math]::Round($Bytes / 1e6, 1)) MB" | Add-Content $Log
"installer: $([math]::Round($Setup.Length / 1e6, 1)) MB $($Setup.Name)" | Add-Content $Log
$Best = [double]::MaxValue
foreach ($i in 1..3) {
    $Watch.Restart(); & $Exe --version | Out-Null; $Watch.Stop()
    $Best = [math]::Min($Best, $Watch.Elapsed.TotalSeconds)
}
"siteplanner --version: $([math]::Round($Best, 2)) s" | Add-Content $Log
$Shot = Join-Path $env:TEMP "siteplanner-shot.png"
$Watch.Restart(); & $Exe open --screenshot $Shot | Out-Null; $Watch.Stop()
"editor window up, sample drawn, screenshot saved: $([math]::Round($Watch.Elapsed.TotalSeconds, 2)) s" | Add-Content $Log
Get-Content $Log
Write-Host "Built $Bundle and $($Setup.FullName)"
