; Inno Setup script for SitePlanner on Windows: a per-user install (no administrator rights)
; of the PyInstaller bundle in dist\siteplanner, with a Start-menu entry, the .siteplan file
; type and an uninstaller. Built by installers\build-windows.ps1, which passes the version:
;   ISCC.exe /DAppVersion=0.1.0 installers\windows\siteplanner.iss
; Needs Inno Setup 6.3 or later (x64compatible).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build-windows.ps1 reads it from pyproject.toml)
#endif
#define AppName "SitePlanner"
#define AppExe "siteplanner.exe"
#define ProgId "SitePlanner.Plan"
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{6E0C8C4B-3B8D-4E39-9C0B-5A1D2F7E9A21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SitePlanner
; Per user, without elevation: {autopf} is then %LOCALAPPDATA%\Programs and HKA is HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Root}\dist
OutputBaseFilename=siteplanner-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\siteplanner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
; The version in the setup program's own file properties (the bundle's .exe carries its own).
VersionInfoVersion={#AppVersion}.0
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no official Simplified Chinese messages; the English wizard serves both.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\siteplanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Plan security cameras and print the signs the rules ask for"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .siteplan opens in SitePlanner (the recommended form: a ProgID offered through
; OpenWithProgids, so that Windows lets the user confirm the default).
Root: HKA; Subkey: "Software\Classes\.siteplan\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.siteplan"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-siteplan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "SitePlanner plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".siteplan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
