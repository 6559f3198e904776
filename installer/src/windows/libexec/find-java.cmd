@echo off
rem Called by the launchers in bin\ with the program's name. Sets CHAINPOS_JAVA to a java.exe of Java 25 or newer,
rem looking at the runtime bundled beside bin\ (runtime\), %JAVA_HOME%, then each java.exe on the PATH. When none
rem fits it says what it found and what to install, and returns 3.
set "CHAINPOS_JAVA="
set "_chainpos_home=%~dp0.."
set "_chainpos_seen="
if exist "%_chainpos_home%\runtime\bin\java.exe" call :try "%_chainpos_home%\runtime\bin\java.exe"
if not defined CHAINPOS_JAVA if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" call :try "%JAVA_HOME%\bin\java.exe"
if not defined CHAINPOS_JAVA for /f "delims=" %%j in ('where java.exe 2^>nul') do if not defined CHAINPOS_JAVA call :try "%%j"
if defined CHAINPOS_JAVA exit /b 0
>&2 echo %~1: cannot start: it needs Java 25 or newer, and none was found.
>&2 echo Looked for the runtime bundled in %_chainpos_home%\runtime, for JAVA_HOME (%JAVA_HOME%) and for java.exe on the PATH.%_chainpos_seen%
>&2 echo Install a JDK 25 (for example Eclipse Temurin 25 from https://adoptium.net) and set JAVA_HOME to it, or install the ChainPOS MSI, which brings its own runtime.
exit /b 3

:try
set "_chainpos_major="
for /f "tokens=2 delims==" %%v in ('call "%~1" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "_chainpos_major=%%v"
if defined _chainpos_major set "_chainpos_major=%_chainpos_major: =%"
if defined _chainpos_major for /f "delims=." %%m in ("%_chainpos_major%") do set "_chainpos_major=%%m"
if not defined _chainpos_major set "_chainpos_major=0"
if %_chainpos_major% GEQ 25 (set "CHAINPOS_JAVA=%~1") else (set "_chainpos_seen=%_chainpos_seen% Found: %~1 is Java %_chainpos_major%.")
exit /b 0
