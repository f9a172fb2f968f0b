; Inno Setup 6 script for Clerk: installs the PyInstaller bundle (installers\dist\Clerk), a
; Start-menu shortcut, the .clerkmeeting file type, and an uninstaller.
;
; Build with installers\windows\build.ps1, which runs PyInstaller and then
;   ISCC.exe /DAppVersion=<version from clerk/__init__.py> installers\windows\clerk.iss
; Output: installers\dist\clerk-<version>-windows-setup.exe
;
; Installs per user by default (no administrator rights: %LOCALAPPDATA%\Programs\Clerk); IT can
; install for all users with /ALLUSERS, silently with /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS.
; Uninstalling leaves the clerk's meetings in place (%LOCALAPPDATA%\Clerk).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z clerk.iss (build.ps1 does this)
#endif
#define AppName "Clerk"
#define AppExe "clerk.exe"
#define Bundle "..\dist\Clerk"
#define RecordExt ".clerkmeeting"
#define RecordProgId "Clerk.MeetingRecord"

[Setup]
; AppId identifies Clerk to Windows across versions: never change it.
AppId={{FC1B5001-BFD8-4E58-9634-3710BD1A4AFA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clerk
AppComments=Record council committee meetings live; produce the minutes and the action tracker.
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=clerk-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\clerk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version replaces the old bundle whole: no stale libraries from an earlier release.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Record meetings and produce the minutes"
Name: "{group}\{#AppName} (demo meeting)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; Comment: "Clerk on a fresh demo database"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The file type: a Clerk meeting record (the JSON meeting record, *.clerkmeeting). Opening one
; runs `clerk.exe FILE`, which imports it into the clerk's database and says so in a message box.
Root: HKA; Subkey: "Software\Classes\{#RecordExt}"; ValueType: string; ValueName: ""; ValueData: "{#RecordProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#RecordExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-clerk-meeting"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#RecordExt}\OpenWithProgids"; ValueType: string; ValueName: "{#RecordProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#RecordProgId}"; ValueType: string; ValueName: ""; ValueData: "Clerk meeting record"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#RecordProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#RecordProgId}\shell\open"; ValueType: string; ValueName: ""; ValueData: "Import into Clerk"
Root: HKA; Subkey: "Software\Classes\{#RecordProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#RecordExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
