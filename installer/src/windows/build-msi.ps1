# Builds the till's MSI on a Windows machine, from this unzipped folder (chainpos-windows-<version>.zip):
#   powershell -ExecutionPolicy Bypass -File build-msi.ps1 [-Jdk C:\path\to\jdk-25] [-Version 0.1.0]
# Needs a JDK 25 (jlink, jpackage) and the WiX Toolset on the PATH (jpackage 25 takes WiX 3.14, or WiX 4/5 with
# its UI extension). The MSI carries its own runtime with JavaFX, a Start menu entry and a desktop shortcut.
# The upgrade code below never changes: a newer MSI replaces the installed till instead of installing beside it.
param(
    [string]$Jdk = $env:JAVA_HOME,
    [string]$Version = "0.1.0"
)
$ErrorActionPreference = "Stop"
$UpgradeUuid = "3f6d2a8e-4b1c-4c5e-9a7f-0c2b8e1d5a64"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
if (-not $Jdk -or -not (Test-Path "$Jdk\bin\jpackage.exe")) {
    Write-Error "build-msi: needs a JDK 25: pass -Jdk C:\path\to\jdk-25 or set JAVA_HOME (jpackage.exe not found in '$Jdk\bin')"
}
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -and -not (Get-Command wix.exe -ErrorAction SilentlyContinue)) {
    Write-Error "build-msi: needs the WiX Toolset (candle.exe and light.exe for WiX 3, or wix.exe) on the PATH: https://wixtoolset.org"
}
$work = Join-Path $here "msi-work"
$out = Join-Path $here "msi"
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$work\input", $out | Out-Null

# The runtime: the JDK's modules the till uses, and JavaFX's Windows jars (with their DLLs) as modules.
$fx = (Get-ChildItem "$here\lib\till\javafx-*-win.jar" | ForEach-Object { $_.FullName }) -join ";"
& "$Jdk\bin\jlink.exe" --module-path $fx `
    --add-modules "java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.prefs,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.jfr,jdk.management,jdk.zipfs,jdk.crypto.ec,javafx.controls" `
    --include-locales=en,zh --strip-debug --no-header-files --no-man-pages --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

# The class path: every jar but JavaFX's (a module of the runtime now), and the logging settings.
Get-ChildItem "$here\lib\till\*.jar" | Where-Object { $_.Name -notlike "javafx-*" } | Copy-Item -Destination "$work\input"
Copy-Item "$here\conf\till-logback.xml" "$work\input"
$mainJar = (Get-ChildItem "$work\input\pos-client-*.jar" | Select-Object -First 1).Name

& "$Jdk\bin\jpackage.exe" --type msi --name "ChainPOS Till" --app-version $Version --vendor "ChainPOS" `
    --description "ChainPOS till" --input "$work\input" --main-jar $mainJar --main-class io.chainpos.till.TillMain `
    --runtime-image "$work\runtime" `
    --java-options "--enable-native-access=ALL-UNNAMED" `
    --java-options "-Dlogback.configurationFile=`$APPDIR\till-logback.xml" `
    --win-menu --win-menu-group "ChainPOS" --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid $UpgradeUuid --dest $out
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Remove-Item -Recurse -Force $work
Get-ChildItem "$out\*.msi"
