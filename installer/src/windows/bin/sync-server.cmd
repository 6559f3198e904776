@echo off
rem Runs the sync server: sync-server serve|enroll|user|backup [options]. Java: see ..\libexec\find-java.cmd.
setlocal
call "%~dp0..\libexec\find-java.cmd" sync-server
if errorlevel 1 exit /b 3
"%CHAINPOS_JAVA%" --enable-native-access=ALL-UNNAMED "-Dlogback.configurationFile=%~dp0..\conf\server-logback.xml" %CHAINPOS_SERVER_OPTS% -cp "%~dp0..\lib\server\*" io.chainpos.server.ServerMain %*
exit /b %ERRORLEVEL%
