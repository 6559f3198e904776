@echo off
rem Runs the till: till [--data <folder>] [--server <url>] [--enroll <code>] [--console]
rem Its data is in %USERPROFILE%\.chainpos\till unless --data says otherwise. Java: see ..\libexec\find-java.cmd.
setlocal
call "%~dp0..\libexec\find-java.cmd" till
if errorlevel 1 exit /b 3
"%CHAINPOS_JAVA%" --enable-native-access=ALL-UNNAMED "-Dlogback.configurationFile=%~dp0..\conf\till-logback.xml" %CHAINPOS_TILL_OPTS% -cp "%~dp0..\lib\till\*" io.chainpos.till.TillMain %*
exit /b %ERRORLEVEL%
