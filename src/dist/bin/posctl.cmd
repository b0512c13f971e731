@echo off
rem posctl launcher for Windows: Java 17 or newer from JAVA_HOME, else java on PATH, started with
rem options for a short-lived command. POSCTL_JAVA_OPTS adds JVM options.
setlocal
set "POSCTL_HOME=%~dp0.."
set "POSCTL_JAVA=java"
if defined JAVA_HOME set "POSCTL_JAVA=%JAVA_HOME%\bin\java.exe"
"%POSCTL_JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto %POSCTL_JAVA_OPTS% -cp "%POSCTL_HOME%\lib\posctl.jar;%POSCTL_HOME%\lib\*" dev.posctl.cli.Main %*
set "POSCTL_EXIT=%ERRORLEVEL%"
if "%POSCTL_EXIT%"=="9009" echo posctl: no Java found: install Java 17 or newer, or set JAVA_HOME 1>&2
endlocal & exit /b %POSCTL_EXIT%
