@echo off
rem Runs the till: till [--data <folder>] [--server <url>] [--enroll <code>] [--console]
rem Its data is in %USERPROFILE%\.chainpos\till unless --data says otherwise. Java: see ..\libexec\find-java.cmd.
setlocal
call "%~dp0..\libexec\find-java.cmd" till
if errorlevel 1 exit /b 3
rem The classes loaded at start are archived in the user's local cache by the first start (and again after an upgrade):
rem later starts map them instead of loading each class.
if not exist "%LOCALAPPDATA%\chainpos" mkdir "%LOCALAPPDATA%\chainpos"
"%CHAINPOS_JAVA%" --enable-native-access=ALL-UNNAMED -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%LOCALAPPDATA%\chainpos\till.jsa" "-Dlogback.configurationFile=%~dp0..\conf\till-logback.xml" %CHAINPOS_TILL_OPTS% -cp "%~dp0..\lib\till\*" io.chainpos.till.TillMain %*
exit /b %ERRORLEVEL%
