<#
Build Village Desk for Windows: the one-folder bundle (PyInstaller) and, when
Inno Setup 6.5+ is installed, the installer.

    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

From the repository root, on Windows 10/11 x64 with Python 3.11+ ("py" launcher)
and, for the installer, Inno Setup 6.5+ (winget install JRSoftware.InnoSetup).
Makes .venv if missing, installs the project and PyInstaller into it, builds
dist\village-desk\ (village-desk.exe, windowed; village-desk-cli.exe, console),
runs the bundle's self-test, then dist\village-desk-VERSION-setup.exe.
Options: -SkipInstaller (bundle only), -SkipSelfTest.
(This file stays ASCII: Windows PowerShell 5.1 reads scripts without a BOM as ANSI.)
#>
param(
    [switch]$SkipInstaller,
    [switch]$SkipSelfTest
)
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path (Join-Path $PSScriptRoot "..\.."))

function Run {
    param([string]$Exe, [string[]]$Arguments)
    Write-Host ">> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed (exit code $LASTEXITCODE): $Exe $($Arguments -join ' ')" }
}

$python = ".venv\Scripts\python.exe"
if (-not (Test-Path $python)) {
    if ($env:PYTHON) { Run $env:PYTHON @("-m", "venv", ".venv") }
    else { Run "py" @("-3", "-m", "venv", ".venv") }
}
Run $python @("-m", "pip", "install", "-q", "--upgrade", "pip")
Run $python @("-m", "pip", "install", "-q", "-e", ".", "-r", "packaging\requirements-build.txt")

$started = Get-Date
Run $python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
              "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\village_desk.spec")
$bundle = "dist\village-desk"
$size = (Get-ChildItem $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("bundle: {0} ({1:N0} MB), built in {2:N0} s" -f $bundle, $size, ((Get-Date) - $started).TotalSeconds)

if (-not $SkipSelfTest) {
    # the console twin prints the report; a window may flash up while it runs
    Run "$bundle\village-desk-cli.exe" @("--version")
    Run "$bundle\village-desk-cli.exe" @("--self-test")
}

if ($SkipInstaller) { exit 0 }
$iscc = (Get-Command "iscc.exe" -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    $iscc = @(
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe"
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $iscc) {
    Write-Warning "Inno Setup 6.5+ not found (winget install JRSoftware.InnoSetup); the bundle is in $bundle"
    exit 0
}
Run $iscc @("/Q", "packaging\windows\village-desk.iss")
Get-ChildItem "dist\village-desk-*-setup.exe" | Sort-Object LastWriteTime | Select-Object -Last 1 |
    ForEach-Object { Write-Host ("installer: {0} ({1:N0} MB)" -f $_.FullName, ($_.Length / 1MB)) }
